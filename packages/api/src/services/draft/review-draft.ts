import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { recordEvent } from "../project/events";
import { readRecordFields } from "../record/stored-fields";
import { settleDraftText } from "./settle-draft-text";
import { openDraft } from "./update-draft-fields";

type Actor = { userId: string; teamId: string };

/**
 * A named decision-maker approves the draft or requests changes, for the text as it stands now,
 * edits still on their way to the stored Markdown included (`settleDraftText`). Its version is
 * kept: once the text changes, the review is stale and must be given again.
 */
export async function reviewDraft(
  db: PrismaClient,
  actor: Actor,
  input: { projectId: string; verdict: "APPROVED" | "CHANGES_REQUESTED"; comment: string | null },
) {
  return db.$transaction(async (tx) => {
    const locked = await settleDraftText(tx, await openDraft(tx, actor, input.projectId));
    const draft = await tx.recordDraft.findUniqueOrThrow({
      where: { id: locked.id },
      select: { decisionMakers: true },
    });
    const { decisionMakers } = readRecordFields({
      chosenOptionKey: "",
      justification: null,
      rationale: "",
      consequences: {},
      decisionMakers: draft.decisionMakers,
      consulted: [],
      informed: [],
      confirmation: null,
      links: [],
      reviewDate: null,
    });
    if (!decisionMakers.some((p) => p.userId === actor.userId)) {
      throw new DomainError(
        "FORBIDDEN",
        "Only the draft's named decision-makers can approve it or request changes; comment instead.",
      );
    }
    const now = new Date();
    const review = {
      verdict: input.verdict,
      comment: input.comment,
      textVersion: locked.textVersion,
      createdAt: now,
    };
    await tx.recordDraftReview.upsert({
      where: { draftId_userId: { draftId: locked.id, userId: actor.userId } },
      create: { draftId: locked.id, userId: actor.userId, ...review },
      update: review,
      select: { id: true },
    });
    await recordEvent(tx, actor, input.projectId, {
      type: "draft.review.given",
      data: { verdict: input.verdict, comment: input.comment, textVersion: locked.textVersion },
    });
    return { verdict: input.verdict, textVersion: locked.textVersion, at: now.toISOString() };
  });
}
