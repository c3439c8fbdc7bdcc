import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { CliError, EXIT_USAGE } from "../errors";
import type { Io } from "../io";
import { readJson } from "../read-decision";
import { call } from "../server/client";
import { print } from "../server/output";
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
    .option("--json", "what was created (folder: or the preview), as JSON (for scripts)")
    .option(
      "--dry-run",
      "folder: show what would be created and what cannot be read; write nothing",
    )
    .option(
      "--allow-skipped",
      "folder: import the records that can be read even if numbered record files cannot",
    )
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  tradeoff import decision.json --team billing\n" +
        "  tradeoff import docs/decisions --team billing --dry-run\n" +
        "  tradeoff import docs/adr --team billing",
    )
    .action(
      async (
        file: string,
        options: { team?: string; dryRun?: boolean; json?: boolean; allowSkipped?: boolean },
      ) => {
        if (file !== "-" && (await stat(file).catch(() => null))?.isDirectory())
          return importFolder(io, file, options);
        // The server has no preview of a JSON import: never create what was asked to be previewed.
        if (options.dryRun)
          throw new CliError(
            EXIT_USAGE,
            `--dry-run previews a folder of records; ${file === "-" ? "standard input" : file} is read as a JSON export, which the server checks in full and creates all or nothing. Nothing was imported.`,
          );
        const document = await readJson(file, io);
        const { config, client, team } = await connectToTeam(options.team);
        const project = await call(
          config,
          () => client.export.import.mutate({ teamId: team.id, document }),
          { document: file === "-" ? "stdin" : file },
        );
        print(
          io,
          options.json,
          {
            team: team.slug,
            ref: `${team.slug}/${project.number}`,
            id: project.id,
            number: project.number,
            title: project.title,
            status: project.status.toLowerCase(),
          },
          (p) => `Imported as ${p.ref}: ${p.title} (${p.status}).`,
        );
      },
    );
}
