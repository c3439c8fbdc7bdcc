import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { InputError } from "../errors";
import type { Io } from "../io";
import { call, createClient } from "../server/client";
import { loadConfig } from "../server/config";
import { resolveTeam } from "../server/resolve";

/** `tradeoff import FILE [--team T]`: recreates a project from a JSON export in a team. */
export function registerImport(program: Command, io: Io): void {
  program
    .command("import")
    .summary("import a JSON export into a team")
    .description(
      "Recreate a decision project from a `tradeoff export --format json` file: options,\n" +
        "criteria, the recorded decision, and its votes as a read-only archive. The server\n" +
        "checks the whole file first and creates nothing if anything is wrong.",
    )
    .argument("<file>", "JSON export file, or - to read standard input")
    .option("-t, --team <slug>", "the team to import into")
    .action(async (file: string, options: { team?: string }) => {
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
      const config = await loadConfig();
      const client = createClient(config);
      const team = await resolveTeam(client, config, options.team);
      const project = await call(config, () =>
        client.export.import.mutate({ teamId: team.id, document }),
      );
      io.stdout(
        `Imported as ${team.slug}/${project.number}: ${project.title} (${project.status.toLowerCase()}).\n`,
      );
    });
}
