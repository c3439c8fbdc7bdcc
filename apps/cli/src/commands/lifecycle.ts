import type { Command } from "commander";
import { CliError, EXIT_REFUSED } from "../errors";
import type { Io } from "../io";
import { type Client, call } from "../server/client";
import type { ServerConfig } from "../server/config";
import { print, withJson } from "../server/output";
import { connectToProject, PROJECT_ARGUMENT } from "../server/resolve";
import { type Status, statusWord } from "../server/status";

/**
 * `tradeoff open PROJECT` and `tradeoff close PROJECT`: start voting on a draft, and end it
 * (the project's creator or a team admin, with a read-write token).
 */
export function registerLifecycle(program: Command, io: Io): void {
  for (const action of ["open", "close"] as const) {
    withJson(
      program
        .command(action)
        .summary(action === "open" ? "open a draft for voting" : "close voting on a project")
        .description(
          action === "open"
            ? "Open a draft decision for voting (its creator or a team admin; read-write token)."
            : "Close voting on an open decision, so it can be decided (its creator or a team admin; read-write token).",
        )
        .argument("<project>", PROJECT_ARGUMENT)
        .option("-t, --team <slug>", "the team, when PROJECT is a number"),
    ).action(async (ref: string, options: { team?: string; json?: boolean }) => {
      const { config, client, projectId } = await connectToProject(ref, options.team);
      if (action === "open") await call(config, () => client.project.open.mutate({ projectId }));
      else await closeVoting(config, client, projectId, ref);
      const project = await call(config, () => client.project.get.query({ projectId }));
      print(
        io,
        options.json,
        // Closing ends the vote; the decision is made when its record is written (`decide`).
        // `ref` as projects, decide and import give it, for a script's next command.
        {
          ref: `${project.team.slug}/${project.number}`,
          id: project.id,
          number: project.number,
          status: statusWord(project.status, project.recordStatus !== "proposed"),
        },
        () =>
          action === "open"
            ? `${ref} is open for voting.`
            : `Voting on ${ref} is closed. Record the outcome with \`tradeoff decide ${ref} --option KEY --rationale TEXT\`.`,
      );
    });
  }
}

/**
 * Closes voting on an open project. A project not open has nothing to close: the refusal then
 * says which state it is in, in the CLI's words, and what can be done with it instead.
 */
async function closeVoting(config: ServerConfig, client: Client, projectId: string, ref: string) {
  try {
    await call(config, () => client.project.close.mutate({ projectId }));
  } catch (error) {
    if (!(error instanceof CliError) || error.exitCode !== EXIT_REFUSED) throw error;
    const project = await call(config, () => client.project.get.query({ projectId })).catch(
      () => null,
    );
    if (!project) throw error;
    const status = statusWord(project.status, project.recordStatus !== "proposed");
    // Still open: refused for another reason (not allowed), which the server's message says.
    if (status === "open") throw error;
    throw new CliError(EXIT_REFUSED, nothingToClose(status, ref));
  }
}

function nothingToClose(status: Exclude<Status, "open">, ref: string): string {
  switch (status) {
    case "draft":
      return `${ref} is a draft: voting has not opened, so there is nothing to close. Open it for voting with \`tradeoff open ${ref}\`.`;
    case "closed":
      return `Voting on ${ref} is already closed: nothing to close. Record the outcome with \`tradeoff decide ${ref} --option KEY --rationale TEXT\`.`;
    case "decided":
      return `${ref} is already decided: nothing to close. Change its record with \`tradeoff revise ${ref}\`, or supersede it with a new decision (\`tradeoff supersede ${ref} --by PROJECT\`).`;
    case "superseded":
      return `${ref} is already decided and superseded by a later decision: nothing to close.`;
    case "archived":
      return `${ref} is archived: nothing to close.`;
  }
}
