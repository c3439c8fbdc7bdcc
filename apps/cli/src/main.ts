import { Command, CommanderError } from "commander";
import packageJson from "../package.json" with { type: "json" };
import { commands } from "./commands/index";
import { CliError, EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, InputError } from "./errors";
import { type Io, processIo } from "./io";

export function buildProgram(io: Io): Command {
  const program = new Command()
    .name("tradeoff")
    .description(
      "Tradeoff from the command line: score team decisions offline, or work with a Tradeoff\n" +
        "server (login, projects, show, export, vote).",
    )
    .version(packageJson.version, "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)");
  for (const register of commands) register(program, io);
  return program;
}

/**
 * Runs the command line and returns the exit code: 0 ok, 1 bad input, 2 usage, 3 not signed in
 * or token refused, 4 server unreachable, 5 refused by the server (see docs/decision-records.md).
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (error instanceof CliError) {
      io.stderr(`tradeoff: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof InputError) {
      io.stderr(`${error.problems.join("\n")}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`tradeoff: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_BAD_INPUT;
  }
}
