import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { draftSelect, draftView } from "../draft/get-draft";
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
  // The draft stays inside the team until it is accepted (it then is the record), unless the
  // sharer chose to show it before.
  const draftRow = await db.recordDraft.findFirst({
    where: {
      projectId: link.projectId,
      teamId: link.teamId,
      status: "PROPOSED",
      sharedBeforeAcceptance: true,
    },
    select: { ...draftSelect, project: { select: { approvalRule: true } } },
  });
  const draft = draftRow ? draftView(draftRow, draftRow.project.approvalRule) : null;
  // A reader outside the team sees the record, not the team's internal ids or address.
  return {
    recordDraft: draft && {
      status: draft.status,
      chosenOptionKey: draft.chosenOptionKey,
      text: draft.text,
      decisionMakers: draft.decisionMakers.map(({ name }) => ({ name })),
      consulted: draft.consulted.map(({ name }) => ({ name })),
      informed: draft.informed.map(({ name }) => ({ name })),
      reviewDate: draft.reviewDate,
      links: draft.links,
      approval: draft.approval.summary,
    },
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
