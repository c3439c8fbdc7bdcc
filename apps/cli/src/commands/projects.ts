import type { Command } from "commander";
import type { Io } from "../io";
import { call, createClient } from "../server/client";
import { loadConfig } from "../server/config";
import { resolveTeam } from "../server/resolve";

/** `tradeoff projects [--team T]`: the decisions of one team, or of all your teams. */
export function registerProjects(program: Command, io: Io): void {
  program
    .command("projects")
    .summary("list decision projects on the server")
    .description("List the decision projects of your teams: reference, status and title.")
    .option("-t, --team <slug>", "only this team")
    .action(async (options: { team?: string }) => {
      const config = await loadConfig();
      const client = createClient(config);
      const teams = options.team
        ? [await resolveTeam(client, config, options.team)]
        : await call(config, () => client.team.list.query());
      const rows: string[][] = [];
      for (const team of teams) {
        const projects = await call(config, () => client.project.list.query({ teamId: team.id }));
        for (const p of projects)
          rows.push([`${team.slug}/${p.number}`, p.status.toLowerCase(), p.title]);
      }
      if (rows.length === 0) {
        io.stdout("No decision projects yet.\n");
        return;
      }
      const header = ["PROJECT", "STATUS", "TITLE"];
      const widths = header.map((h, i) =>
        Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)),
      );
      const line = (cells: string[]) =>
        cells
          .map((c, i) => c.padEnd(widths[i] ?? 0))
          .join("  ")
          .trimEnd();
      io.stdout(`${[line(header), ...rows.map(line)].join("\n")}\n`);
    });
}
