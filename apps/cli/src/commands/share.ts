import type { Command } from "commander";
import { CliError, EXIT_USAGE } from "../errors";
import type { Io } from "../io";
import { call, serverUrl } from "../server/client";
import { print, withJson } from "../server/output";
import { connectToProject, PROJECT_ARGUMENT } from "../server/resolve";

type ShareOptions = {
  revoke?: string;
  list?: boolean;
  showVotes?: boolean;
  expires?: string;
  team?: string;
  json?: boolean;
};

/**
 * `tradeoff share PROJECT`: a read-only link to the decision record for people outside the
 * team; `--list` the project's links, `--revoke ID` ends one (read-write token for changes).
 */
export function registerShare(program: Command, io: Io): void {
  withJson(
    program
      .command("share")
      .summary("create, list or revoke read-only links to a decision record")
      .description(
        "Create a read-only link to a decision record for people outside the team. The link is shown once.",
      )
      .argument("<project>", PROJECT_ARGUMENT)
      .option("--show-votes", "show each member's votes on the shared page (default: hidden)")
      .option("--expires <date>", "when the link stops working, YYYY-MM-DD (default: never)")
      .option("-l, --list", "list the project's links instead of creating one")
      .option("--revoke <id>", "revoke the link with this id (see --list) instead of creating one")
      .option("-t, --team <slug>", "the team, when PROJECT is a number")
      .addHelpText(
        "after",
        "\nExamples:\n  tradeoff share billing/1\n  tradeoff share billing/1 --list\n  tradeoff share billing/1 --revoke cm1x2y3z",
      ),
  ).action(async (ref: string, options: ShareOptions) => {
    if (options.revoke && options.list) {
      throw new CliError(EXIT_USAGE, "Use --list or --revoke, not both.");
    }
    const { config, client, projectId } = await connectToProject(ref, options.team);
    if (options.revoke) {
      const linkId = options.revoke;
      await call(config, () => client.share.revoke.mutate({ projectId, linkId }));
      print(io, options.json, { id: linkId, revoked: true }, () => `Revoked share link ${linkId}.`);
      return;
    }
    if (options.list) {
      const links = await call(config, () => client.share.list.query({ projectId }));
      print(io, options.json, links, (rows) =>
        rows.length === 0
          ? `${ref} has no share links.`
          : rows
              .map((l) => {
                const link = l as {
                  id: string;
                  revokedAt?: string | null;
                  expiresAt?: string | null;
                };
                const state = link.revokedAt
                  ? "revoked"
                  : link.expiresAt
                    ? `${new Date(link.expiresAt) <= new Date() ? "expired" : "expires"} ${link.expiresAt.slice(0, 10)}`
                    : "active";
                return `${link.id}  ${state}`;
              })
              .join("\n"),
      );
      return;
    }
    const created = await call(
      config,
      () =>
        client.share.create.mutate({
          projectId,
          showVotes: Boolean(options.showVotes),
          ...(options.expires ? { expiresAt: options.expires } : {}),
        }),
      { expiresAt: "--expires", showVotes: "--show-votes" },
    );
    const url = serverUrl(config, created.path);
    print(
      io,
      options.json,
      {
        id: created.id,
        url,
        showVotes: created.showVotes,
        expiresAt: created.expiresAt,
      },
      (link) =>
        `${link.url}\nAnyone with this link can read the record; it is shown only now. Revoke it with \`tradeoff share ${ref} --revoke ${link.id}\`.`,
    );
  });
}
