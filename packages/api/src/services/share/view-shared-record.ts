import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { loadRecordView } from "../record/record-view";
import { hashShareToken } from "./share-token";

/**
 * The record behind a share link, for anyone holding it (no account). Unknown, revoked and
 * expired links all answer the same "not found", so a link's past existence is not revealed.
 */
export async function viewSharedRecord(
  db: PrismaClient,
  input: { token: string },
  opts: { appUrl?: string | null; now?: Date } = {},
) {
  const now = opts.now ?? new Date();
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(input.token) },
    select: { projectId: true, teamId: true, showVotes: true, revokedAt: true, expiresAt: true },
  });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= now)) {
    throw new DomainError(
      "NOT_FOUND",
      "This share link does not exist, has expired or was revoked.",
    );
  }
  const view = await loadRecordView(
    db,
    { teamId: link.teamId, projectId: link.projectId },
    { includeVotes: link.showVotes, now },
  );
  // A reader outside the team sees the record, not the team's internal ids or address.
  return {
    ...view,
    url: null,
    team: { id: "", name: view.team.name, slug: "" },
    votes: view.votes?.map((v) => ({ ...v, memberId: "" })) ?? null,
    decision: view.decision
      ? {
          ...view.decision,
          decisionMakers: view.decision.decisionMakers.map(({ name }) => ({ name })),
          consulted: view.decision.consulted.map(({ name }) => ({ name })),
          informed: view.decision.informed.map(({ name }) => ({ name })),
        }
      : null,
    expiresAt: link.expiresAt,
  };
}
