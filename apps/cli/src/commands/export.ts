import { mkdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type Command, Option } from "commander";
import { CliError, EXIT_BAD_INPUT, EXIT_USAGE } from "../errors";
import { terminalText } from "../format/terminal";
import type { Io } from "../io";
import { call } from "../server/client";
import { print } from "../server/output";
import { connectToProject, PROJECT_ARGUMENT } from "../server/resolve";
import { writeWholeFile } from "../write-whole-file";
import { exportFolder } from "./export-folder";

const FORMATS = ["madr", "log4brains", "nygard", "json", "csv", "pdf"] as const;
type ExportOptions = {
  format: (typeof FORMATS)[number];
  out?: string;
  team?: string;
  paper: "a4" | "letter";
  table: "votes" | "events";
  all?: boolean;
  check?: boolean;
  json?: boolean;
};

/** `tradeoff export PROJECT --format F [--out DIR]`: the decision record as a file. */
export function registerExport(program: Command, io: Io): void {
  program
    .command("export")
    .summary("export a decision record (MADR, log4brains, Nygard, JSON, CSV, PDF)")
    .description(
      "Export a project's decision record. With --out, write NNNN-title.ext into DIR (created\n" +
        "if missing), e.g. docs/decisions of your repository; without it, print text formats.",
    )
    .argument("[project]", `${PROJECT_ARGUMENT} (with --all: only this record)`)
    .addOption(new Option("-f, --format <format>", "file format").choices(FORMATS).default("madr"))
    .option("-o, --out <dir>", "directory to write the file into")
    .option("-t, --team <slug>", "the team, when PROJECT is a number")
    .option(
      "--all",
      "every record of the team as a docs/decisions folder with an index (README.md)",
    )
    .option("--check", "with --all: write nothing; exit 1 when the folder is out of date (for CI)")
    .option(
      "--json",
      "what was written as JSON (for scripts): with --all, the files written, removed and left unchanged; else the file",
    )
    .addOption(
      new Option("--paper <size>", "PDF paper size").choices(["a4", "letter"]).default("a4"),
    )
    .addOption(
      new Option("--table <table>", "CSV: the votes or the event history")
        .choices(["votes", "events"])
        .default("votes"),
    )
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  tradeoff export billing/1 --format madr --out docs/decisions\n" +
        "  tradeoff export --all --team billing --format nygard --out docs/decisions\n" +
        "  tradeoff export --all --team billing --format nygard --out docs/decisions --check\n" +
        "  tradeoff export billing/1 --format pdf --paper letter --out .\n" +
        "  tradeoff export billing/1 --format json > decision.json",
    )
    .action(async (ref: string | undefined, options: ExportOptions) => {
      if (options.all) return exportFolder(io, ref, options);
      if (options.check)
        throw new CliError(EXIT_USAGE, "--check compares a folder: use it with --all and --out.");
      if (!ref)
        throw new CliError(
          EXIT_USAGE,
          "Name the project to export (e.g. billing/1), or use --all for every record of the team.",
        );
      // Without --out a text format is printed as it is: there is no file to describe.
      if (options.json && options.out === undefined && options.format !== "pdf")
        throw new CliError(
          EXIT_USAGE,
          `--json says which file was written: give --out DIR. Without --out the record itself is printed (--format json prints it as JSON).`,
        );
      // A wrong --out is said before anything is asked of the server.
      if (options.out !== undefined) await checkOutDir(options.out);
      const { config, client, projectId } = await connectToProject(ref, options.team);
      const file = await call(config, () =>
        client.export.file.query({
          projectId,
          format: options.format,
          paper: options.paper,
          table: options.table,
        }),
      );
      const body = file.encoding === "base64" ? Buffer.from(file.content, "base64") : file.content;
      const dir = options.out ?? (file.encoding === "base64" ? "." : null);
      if (dir === null) {
        // On a terminal, text someone typed is shown, not obeyed; a pipe or file gets it as is.
        io.stdout(io.stdoutIsTerminal() ? terminalText(file.content) : file.content);
        return;
      }
      // The server slugs the name; keep only its last part all the same.
      const target = join(dir, file.fileName.replace(/^.*[\\/]/, ""));
      try {
        await mkdir(resolve(dir), { recursive: true });
        await writeWholeFile(target, body);
      } catch (error) {
        throw new CliError(EXIT_BAD_INPUT, writeProblem(error, dir, target));
      }
      print(
        io,
        options.json,
        { file: target, format: options.format, bytes: Buffer.byteLength(body) },
        () => `Wrote ${target}`,
      );
    });
}

/** `--out` must be a folder, or a path where one can be created. */
async function checkOutDir(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => null);
  if (found && !found.isDirectory()) {
    throw new CliError(
      EXIT_BAD_INPUT,
      `--out ${dir}: this is a file, not a folder. Give the folder to write the record into (it is created if missing), or leave --out out to print the record.`,
    );
  }
}

/** A file system error as what is wrong and what to do, not the system's own words. */
function writeProblem(error: unknown, dir: string, target: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case "ENOTDIR":
    case "EEXIST":
      return `--out ${dir}: part of this path is a file, not a folder. Give a folder to write the record into.`;
    case "EISDIR":
      return `Cannot write ${target}: a folder of that name is already there. Move it away or give another --out folder.`;
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return `Cannot write into ${dir}: permission denied. Give a folder you may write to with --out.`;
    case "ENOSPC":
      return `Cannot write ${target}: the disk is full; nothing was written.`;
    case "EFBIG":
      return `Cannot write ${target}: the file is larger than this system allows; nothing was written.`;
    default:
      return `Cannot write ${target}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
