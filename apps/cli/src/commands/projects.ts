import { type Command, Option } from "commander";
import { columns } from "../format/columns";
import type { Io } from "../io";
import { call, createClient } from "../server/client";
import { loadConfig } from "../server/config";
import { print, withJson } from "../server/output";
import { listAllProjects, resolveTeam } from "../server/resolve";
import { STATUSES, type Status, serverStatus, statusWord } from "../server/status";

/** `tradeoff projects [--team T] [--status S]`: the decisions of one team, or of all your teams. */
export function registerProjects(program: Command, io: Io): void {
  withJson(
    program
      .command("projects")
      .summary("list decision projects on the server")
      .description(
        "List the decision projects of your teams: reference, status and title. A project\n" +
          "is closed when voting has ended, and decided once its decision is recorded.",
      )
      .option("-t, --team <slug>", "only this team (default: all your teams)")
      .addOption(
        new Option("-s, --status <status>", "only projects in this status (default: any)").choices(
          STATUSES,
        ),
      ),
  ).action(async (options: { team?: string; status?: Status; json?: boolean }) => {
    const config = await loadConfig();
    const client = createClient(config);
    const teams = options.team
      ? [await resolveTeam(client, config, options.team)]
      : await call(config, () => client.team.list.query());
    const status = options.status ? serverStatus(options.status) : undefined;
    const projects = [];
    for (const team of teams) {
      const list = await listAllProjects(client, config, {
        teamId: team.id,
        ...(status ? { status } : {}),
      });
      for (const p of list) {
        const word = statusWord(p.status, p.recordStatus !== "proposed");
        // closed and decided share the server's status: the record tells them apart.
        if (options.status && word !== options.status) continue;
        projects.push({
          ref: `${team.slug}/${p.number}`,
          id: p.id,
          team: team.slug,
          number: p.number,
          status: word,
          title: p.title,
        });
      }
    }
    print(io, options.json, projects, (rows) => {
      if (rows.length === 0) {
        return options.status
          ? `No ${options.status} decision projects.`
          : "No decision projects yet.";
      }
      return columns(
        ["PROJECT", "STATUS", "TITLE"],
        rows.map((r) => [r.ref, r.status, r.title]),
        { width: io.columns(), text: [2] },
      );
    });
  });
}
