import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { CliError, EXIT_BAD_INPUT } from "../errors";
import { terminalText } from "../format/terminal";
import type { Io } from "../io";

/** Adds `--json` to a server command: its answer as JSON on stdout, for scripts. */
export function withJson(command: Command): Command {
  return command.option("--json", "print the answer as JSON (for scripts)");
}

/**
 * Prints `data` as JSON with --json, else the sentence `text` makes of it, with the server's
 * text shown rather than obeyed by the terminal (see terminalText).
 */
export function print<T>(io: Io, json: boolean | undefined, data: T, text: (data: T) => string) {
  io.stdout(
    json
      ? `${JSON.stringify(data, null, 2)}\n`
      : terminalText(`${text(data).replace(/\n?$/, "\n")}`),
  );
}

/**
 * A text option given as text, or as `@path` to read it from a file (`@-`: standard input).
 * A file that cannot be read is bad input, said with the option's name.
 */
export async function textOrFile(
  io: Io,
  option: string,
  value: string | undefined,
): Promise<string | undefined> {
  if (value === undefined || !value.startsWith("@")) return value;
  const path = value.slice(1);
  if (path === "-") return io.readStdin();
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "there is no such file"
        : code === "EISDIR"
          ? "this is a folder, not a file"
          : code === "EACCES"
            ? "you may not read this file"
            : (error as Error).message;
    throw new CliError(EXIT_BAD_INPUT, `${option} ${value}: ${why}.`);
  }
}
