import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { decisionMember, sharedActorRole } from "../member/current-role";
import { recordEvent } from "../project/events";
import { lockDraft } from "./lock-draft";

type Actor = { userId: string; teamId: string };

/**
 * The most comments one draft takes (resolved ones count: they are its review's history). The
 * draft page lists every one of them; a discussion longer than this belongs in the decision's own
 * discussion, which is read a page at a time.
 */
export const DRAFT_COMMENT_LIMIT = 500;

/** A comment on the draft, optionally anchored to a quoted passage of one text field. */
export async function commentDraft(
  db: PrismaClient,
  actor: Actor,
  input: { projectId: string; body: string; field?: string | null; quote: string | null },
) {
  return db.$transaction(async (tx) => {
    // The team, the decision, then the draft (lockDraft takes all three, in that order).
    const draft = await lockDraft(tx, { projectId: input.projectId });
    if (!draft || draft.teamId !== actor.teamId) {
      throw new DomainError("NOT_FOUND", "This decision has no record draft yet.");
    }
    // The team's row is shared now: someone removed while this comment waited is refused
    // (viewers comment too).
    await sharedActorRole(tx, { ...decisionMember(actor), minRole: "VIEWER" });
    if (draft.status === "DISCARDED") {
      throw new DomainError("CONFLICT", "This draft was discarded: it takes no more comments.");
    }
    // Under the draft's lock: two comments at once cannot both pass the limit.
    if (
      (await tx.recordDraftComment.count({ where: { draftId: draft.id } })) >= DRAFT_COMMENT_LIMIT
    ) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        `This draft already has ${DRAFT_COMMENT_LIMIT} comments, the most it takes. Go on in the decision's discussion, or accept or discard the draft.`,
      );
    }
    const comment = await tx.recordDraftComment.create({
      data: {
        draftId: draft.id,
        authorId: actor.userId,
        body: input.body,
        field: input.field ?? null,
        quote: input.quote,
      },
      select: { id: true, createdAt: true },
    });
    await recordEvent(tx, actor, input.projectId, {
      type: "draft.comment.created",
      data: { commentId: comment.id, field: input.field ?? null },
    });
    return { id: comment.id, at: comment.createdAt.toISOString() };
  });
}

/**
 * Marks a comment of the draft resolved (or open again). The role is read again under the team's
 * shared row, as for a new comment: someone removed (or made a viewer) after the access check
 * changes nothing.
 */
export async function resolveDraftComment(
  db: PrismaClient,
  actor: Actor,
  input: { projectId: string; commentId: string; resolved: boolean },
) {
  return db.$transaction(async (tx) => {
    await sharedActorRole(tx, { ...decisionMember(actor), minRole: "MEMBER" });
    const { count } = await tx.recordDraftComment.updateMany({
      where: {
        id: input.commentId,
        // A discarded draft takes no more changes, its comments' state included.
        draft: { projectId: input.projectId, teamId: actor.teamId, status: { not: "DISCARDED" } },
      },
      data: { resolvedAt: input.resolved ? new Date() : null },
    });
    if (count === 0) {
      throw new DomainError("NOT_FOUND", "Comment was not found, or its draft was discarded.");
    }
    return { resolved: input.resolved };
  });
}
