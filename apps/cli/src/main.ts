import { Command, CommanderError } from "commander";
import packageJson from "../package.json" with { type: "json" };
import { commands } from "./commands/index";
import { CliError, EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, InputError } from "./errors";
import { terminalText } from "./format/terminal";
import { DEFAULT_COLUMNS, type Io, processIo } from "./io";

export function buildProgram(io: Io): Command {
  const program = new Command()
    .name("tradeoff")
    // Lines of 80 characters at most: help is wrapped there, and a longer line leaves a word
    // alone on the next one.
    .description(
      "Tradeoff from the command line: score team decisions offline, or work with a\n" +
        "Tradeoff server (login, projects, show, vote, open, close, decide, revise,\n" +
        "supersede, share, tag, export, import).\n" +
        "Exit codes: 0 done, 1 bad input, 2 usage, 3 not logged in or token refused,\n" +
        "4 server unreachable or failing, 5 refused by the server (not found,\n" +
        "not allowed, not possible now), 6 no answer within TRADEOFF_TIMEOUT\n" +
        "seconds (30).",
    )
    .version(packageJson.version, "-v, --version")
    .exitOverride()
    // Help is wrapped at the same width as tables (see outputColumns).
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      getOutHelpWidth: () => io.columns() ?? DEFAULT_COLUMNS,
    })
    .showHelpAfterError("(run with --help for usage)");
  for (const register of commands) register(program, io);
  // Help wraps a description to the terminal's width (80 in a pipe) but keeps its line breaks,
  // so a source line broken by hand would leave a word alone on the next: keep paragraphs only.
  for (const command of program.commands)
    command.description(
      command
        .description()
        .split(/\n{2,}/)
        .map((paragraph) => paragraph.replace(/\s*\n\s*/g, " "))
        .join("\n\n"),
    );
  return program;
}

/**
 * Runs the command line and returns the exit code: 0 ok, 1 bad input, 2 usage, 3 not signed in
 * or token refused, 4 server unreachable, 5 refused by the server, 6 no answer in time (see
 * docs/decision-records.md).
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  // With --json, a failure is JSON on stderr too: { "error": { "message", "exitCode" } }, the
  // command line's own (an unknown option) as well, so commander's text is not written then.
  const json = asksForJson(buildProgram(io), argv);
  const program = buildProgram(json ? { ...io, stderr: () => {} } : io);
  const fail = (exitCode: number, message: string, prefix = "tradeoff: ") => {
    // A message may quote the server's or a file's text: shown, never obeyed by the terminal.
    io.stderr(
      json
        ? `${JSON.stringify({ error: { message, exitCode } })}\n`
        : terminalText(`${prefix}${message}\n`),
    );
    return exitCode;
  };
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_OK;
      // The command line itself: an unknown command, option or choice, a missing argument.
      // Values out of range for the data (--importance 9) are InputErrors: bad input, 1.
      if (!json) return EXIT_USAGE;
      return fail(
        EXIT_USAGE,
        error.code === "commander.help"
          ? "Name a command: `tradeoff --help` lists them."
          : `${error.message.replace(/^error: /, "")} (run with --help for usage)`,
      );
    }
    if (error instanceof CliError) return fail(error.exitCode, error.message);
    if (error instanceof InputError) return fail(EXIT_BAD_INPUT, error.problems.join("\n"), "");
    return fail(EXIT_BAD_INPUT, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Whether `--json` is on the command line as an option, read as commander reads it: not when
 * it is another option's value (`--rationale --json`) or an operand after `--`. The command's
 * options are walked without running their parsers, so a value refused later (`--importance 9`)
 * still fails as JSON when --json follows it.
 */
export function asksForJson(program: Command, argv: string[]): boolean {
  let command: Command = program;
  let variadic = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") return false;
    const isOption = arg.length > 1 && arg.startsWith("-");
    if (variadic && !isOption) continue;
    variadic = false;
    if (!isOption) {
      // The first operand names the command; its options are what the rest is read with.
      if (command === program)
        command =
          program.commands.find((c) => c.name() === arg || c.aliases().includes(arg)) ?? command;
      continue;
    }
    if (arg === "--json") return true;
    const option = [...command.options, ...program.options].find(
      (o) => o.long === arg || o.short === arg,
    );
    if (option?.required || (option?.optional && !argv[i + 1]?.startsWith("-"))) i++;
    variadic = option?.variadic === true;
  }
  return false;
}
