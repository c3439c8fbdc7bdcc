import { readFile, stat } from "node:fs/promises";
import type { Command } from "commander";
import { InputError } from "../errors";
import type { Io } from "../io";
import { call } from "../server/client";
import { connectToTeam } from "../server/resolve";
import { importFolder } from "./import-folder";

/** `tradeoff import FILE [--team T]`: recreates a project from a JSON export in a team. */
export function registerImport(program: Command, io: Io): void {
  program
    .command("import")
    .summary("import a JSON export, or a docs/decisions folder, into a team")
    .description(
      "Recreate a decision project from a `tradeoff export --format json` file: options,\n" +
        "criteria, the recorded decision, and its votes as a read-only archive. The server\n" +
        "checks the whole file first and creates nothing if anything is wrong.\n\n" +
        "Given a folder of decision records (adr-tools, MADR 2 to 4, log4brains), each record\n" +
        "becomes a decided, read-only record with its status, date, people, options and\n" +
        "supersede links; files that are not records are listed with the reason. All or nothing.",
    )
    .argument("<path>", "JSON export file, - to read standard input, or a folder of records")
    .option("-t, --team <slug>", "the team to import into")
    .option("--json", "folder: the preview or what was created, as JSON (for scripts)")
    .option(
      "--dry-run",
      "folder: show what would be created and what cannot be read; write nothing",
    )
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  tradeoff import decision.json --team billing\n" +
        "  tradeoff import docs/decisions --team billing --dry-run\n" +
        "  tradeoff import docs/adr --team billing",
    )
    .action(async (file: string, options: { team?: string; dryRun?: boolean; json?: boolean }) => {
      if (file !== "-" && (await stat(file).catch(() => null))?.isDirectory())
        return importFolder(io, file, options);
      const text =
        file === "-"
          ? await io.readStdin()
          : await readFile(file, "utf8").catch(() => {
              throw new InputError([`${file}: cannot be read`]);
            });
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch {
        throw new InputError([`${file}: not valid JSON`]);
      }
      const { config, client, team } = await connectToTeam(options.team);
      const project = await call(config, () =>
        client.export.import.mutate({ teamId: team.id, document }),
      );
      io.stdout(
        `Imported as ${team.slug}/${project.number}: ${project.title} (${project.status.toLowerCase()}).\n`,
      );
    });
}
