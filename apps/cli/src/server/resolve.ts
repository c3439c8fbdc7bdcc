import { CliError, EXIT_REFUSED, EXIT_USAGE } from "../errors";
import { type Client, call, createClient } from "./client";
import { loadConfig, type ServerConfig } from "./config";

type Team = { id: string; slug: string; name: string };

type ListInput = Parameters<Client["project"]["list"]["query"]>[0];

/** Every project the list finds, read a page at a time. */
export async function listAllProjects(client: Client, config: ServerConfig, input: ListInput) {
  const page = await call(config, () => client.project.list.query({ ...input, limit: 100 }));
  const projects = [...page.items];
  for (let cursor = page.nextCursor; cursor != null; ) {
    const next = await call(config, () =>
      client.project.list.query({ ...input, limit: 100, cursor }),
    );
    projects.push(...next.items);
    cursor = next.nextCursor;
  }
  return projects;
}

/** How a command's help names the project argument `resolveProject` reads. */
export const PROJECT_ARGUMENT = "TEAM/NUMBER (billing/7), NUMBER with --team, or the project id";

/** The caller's team named by slug or id; the only team when there is one and none is named. */
export async function resolveTeam(
  client: Client,
  config: ServerConfig,
  ref?: string,
): Promise<Team> {
  const teams = await call(config, () => client.team.list.query());
  if (teams.length === 0)
    throw new CliError(
      EXIT_REFUSED,
      "You belong to no team on this server yet. Create one in the web app, or ask a team admin for an invitation.",
    );
  if (ref) {
    const team = teams.find((t) => t.slug === ref || t.id === ref);
    if (!team) {
      throw new CliError(
        EXIT_REFUSED,
        `No team "${ref}" among yours (${teams.map((t) => t.slug).join(", ")}).`,
      );
    }
    return team;
  }
  if (teams.length === 1 && teams[0]) return teams[0];
  throw new CliError(
    EXIT_USAGE,
    `You belong to ${teams.length} teams: name one with --team (${teams.map((t) => t.slug).join(", ")}).`,
  );
}

/**
 * A project named on the command line: `TEAM/NUMBER` (billing/7), `NUMBER` with --team (or the
 * only team), or the project's id as the web address shows it.
 */
export async function resolveProject(
  client: Client,
  config: ServerConfig,
  ref: string,
  teamRef?: string,
): Promise<{ projectId: string }> {
  const slashed = ref.match(/^([^/\s]+)\/(\d+)$/);
  const numbered = slashed
    ? { team: slashed[1], number: Number(slashed[2]) }
    : /^\d+$/.test(ref)
      ? { team: teamRef, number: Number(ref) }
      : null;
  // An id never has a slash or a space: "billing/x" or "billing 7" is a mistyped TEAM/NUMBER.
  if (!numbered && /[/\s]/.test(ref))
    throw new CliError(EXIT_USAGE, `"${ref}" names no project: use ${PROJECT_ARGUMENT}.`);
  if (!numbered) return { projectId: ref };
  const team = await resolveTeam(client, config, numbered.team);
  // The list runs by number, newest first: the page after number + 1 starts with that number.
  const page = await call(config, () =>
    client.project.list.query({ teamId: team.id, cursor: numbered.number + 1, limit: 1 }),
  );
  const project = page.items.find((p) => p.number === numbered.number);
  if (!project)
    throw new CliError(
      EXIT_REFUSED,
      `Team ${team.slug} has no decision number ${numbered.number}.`,
    );
  return { projectId: project.id };
}

/** The saved server, a client for it, and the project named on the command line. */
export async function connectToProject(ref: string, teamRef?: string) {
  const config = await loadConfig();
  const client = createClient(config);
  const { projectId } = await resolveProject(client, config, ref, teamRef);
  return { config, client, projectId };
}

/** The saved server, a client for it, and the team named with --team (or the only one). */
export async function connectToTeam(teamRef?: string) {
  const config = await loadConfig();
  const client = createClient(config);
  const team = await resolveTeam(client, config, teamRef);
  return { config, client, team };
}
