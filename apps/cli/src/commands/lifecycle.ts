import type { Command } from "commander";
import type { Io } from "../io";
import { call } from "../server/client";
import { print, withJson } from "../server/output";
import { connectToProject, PROJECT_ARGUMENT } from "../server/resolve";
import { statusWord } from "../server/status";

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
      await call(config, () =>
        action === "open"
          ? client.project.open.mutate({ projectId })
          : client.project.close.mutate({ projectId }),
      );
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
