import type { Command } from "commander";
import { CliError, EXIT_USAGE } from "../errors";
import type { Io } from "../io";
import { call } from "../server/client";
import { print, withJson } from "../server/output";
import { connectToProject, connectToTeam, PROJECT_ARGUMENT } from "../server/resolve";

type TagOptions = { clear?: boolean; list?: boolean; team?: string; json?: boolean };

/**
 * `tradeoff tag PROJECT TAG...`: set a project's tags (they replace the old ones; the folder
 * exports write them to log4brains' `Tags:` line and MADR's front matter). `--clear` removes
 * them all; `--list` shows every tag the team uses, with how many projects carry it.
 */
export function registerTag(program: Command, io: Io): void {
  withJson(
    program
      .command("tag")
      .summary("set a project's tags, or list the team's")
      .description(
        "Set a project's tags, replacing the ones it had (its creator or a team admin; read-write token). Tags are lower-case letters, digits and dashes.",
      )
      .argument("[project]", PROJECT_ARGUMENT)
      .argument("[tags...]", "the project's tags, e.g. security data-model")
      .option("--clear", "remove every tag from the project")
      .option("-l, --list", "list the tags the team uses instead of setting any")
      .option("-t, --team <slug>", "the team, when PROJECT is a number or with --list")
      .addHelpText(
        "after",
        "\nExamples:\n  tradeoff tag billing/1 security data-model\n  tradeoff tag billing/1 --clear\n  tradeoff tag --list --team billing",
      ),
  ).action(async (ref: string | undefined, tags: string[], options: TagOptions) => {
    if (options.list) {
      if (ref || options.clear) {
        throw new CliError(EXIT_USAGE, "--list takes no project and no tags: only --team.");
      }
      const { config, client, team } = await connectToTeam(options.team);
      const used = await call(config, () => client.tag.list.query({ teamId: team.id }));
      print(io, options.json, used, (rows) =>
        rows.length === 0
          ? `No project in ${team.slug} has tags yet.`
          : rows.map((row) => `${row.tag}  (${row.projects})`).join("\n"),
      );
      return;
    }
    if (!ref) {
      throw new CliError(
        EXIT_USAGE,
        "Name the project: tradeoff tag billing/1 security data-model.",
      );
    }
    if (options.clear && tags.length > 0) {
      throw new CliError(EXIT_USAGE, "Use --clear or give tags, not both.");
    }
    if (!options.clear && tags.length === 0) {
      throw new CliError(
        EXIT_USAGE,
        "Give the project's tags (they replace its current ones), or --clear to remove them.",
      );
    }
    const { config, client, projectId } = await connectToProject(ref, options.team);
    const result = await call(config, () =>
      client.tag.set.mutate({ projectId, tags: options.clear ? [] : tags }),
    );
    print(io, options.json, result, (saved) =>
      saved.tags.length === 0
        ? `${ref} has no tags.`
        : `${ref} is tagged ${saved.tags.join(", ")}.`,
    );
  });
}
