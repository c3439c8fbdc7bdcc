import type { Prisma, PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { DRAFT_TEXT_FIELDS, type DraftText, draftTextSchema } from "../../schemas/draft";
import { recordEvent } from "../project/events";
import { readDraftText, sameText } from "./draft-text";
import { type LockedDraft, lockDraft } from "./lock-draft";

/**
 * Stores a draft's text (the Markdown of its shared document) as the server-side truth that
 * acceptance and exports read. The version is raised only when the Markdown changed; the first
 * change after approvals makes them stale, and says so once in the history (later edits of the
 * same burst find no current approval left to make stale).
 */
export async function storeDraftText(
  db: PrismaClient,
  draftId: string,
  text: Partial<DraftText>,
  opts: WriteOptions = {},
): Promise<{ changed: boolean; textVersion: number }> {
  const parsed = draftTextSchema.safeParse(text);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError(
      "BAD_REQUEST",
      `${issue?.path.join(".") || "text"}: ${issue?.message ?? "the text is invalid."}`,
    );
  }
  return db.$transaction(async (tx) => {
    // The team, the decision, then the draft (lockDraft takes all three, in that order): a stale
    // approval's history entry needs the decision, which an acceptance holds while it waits here.
    const draft = await lockDraft(tx, { draftId });
    if (!draft) throw new DomainError("NOT_FOUND", "Record draft was not found.");
    if (draft.status !== "PROPOSED") {
      throw new DomainError(
        "CONFLICT",
        `This draft was ${draft.status === "ACCEPTED" ? "accepted" : "discarded"}: its text is read-only now.`,
      );
    }
    return writeDraftText(tx, draft, parsed.data, opts);
  });
}

type WriteOptions = {
  /** Who changed the text: the history names them when approvals turn stale. */
  actorId?: string | null;
  /**
   * For text written from the shared document: whether a field's new Markdown is only how the
   * document reads the stored Markdown (`documentReadsAs`). Such a field keeps its stored text,
   * as typed, and is no change.
   */
  readsAs?: (stored: string, markdown: string) => boolean;
};

/**
 * The write itself, inside a transaction that holds the draft's lock (`lockDraft`): the fields
 * given replace the stored ones; when the Markdown changed, the version is raised and the
 * approvals of the previous version are announced stale.
 */
export async function writeDraftText(
  tx: Prisma.TransactionClient,
  draft: LockedDraft,
  text: Partial<DraftText>,
  opts: WriteOptions = {},
): Promise<{ changed: boolean; textVersion: number }> {
  const draftId = draft.id;
  const current = await tx.recordDraft.findUniqueOrThrow({
    where: { id: draftId },
    select: { text: true },
  });
  const stored = readDraftText(current.text);
  const next = { ...stored };
  for (const field of DRAFT_TEXT_FIELDS) {
    const value = text[field];
    if (value === undefined || value === stored[field]) continue;
    if (opts.readsAs?.(stored[field], value)) continue;
    next[field] = value;
  }
  if (sameText(stored, next)) {
    return { changed: false, textVersion: draft.textVersion };
  }
  const textVersion = await raiseDraftVersion(tx, draft, opts.actorId ?? null, {
    text: next as Prisma.InputJsonValue,
  });
  return { changed: true, textVersion };
}

/**
 * Writes `data` and raises the draft's version, in the transaction that holds its lock: the
 * approvals given at the previous version turn stale (they approved something else), which the
 * history says once, naming them, with the editor as its actor. A change to the text or to any
 * field of the record (the chosen option, the people, the links, the review date) raises it.
 */
export async function raiseDraftVersion(
  tx: Prisma.TransactionClient,
  draft: LockedDraft,
  actorId: string | null,
  data: Prisma.RecordDraftUpdateInput,
): Promise<number> {
  const textVersion = draft.textVersion + 1;
  await tx.recordDraft.update({
    where: { id: draft.id },
    data: { ...data, textVersion },
    select: { id: true },
  });
  const nowStale = await tx.recordDraftReview.findMany({
    where: { draftId: draft.id, verdict: "APPROVED", textVersion: draft.textVersion },
    select: { userId: true, user: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (nowStale.length) {
    await recordEvent(tx, { userId: actorId, teamId: draft.teamId }, draft.projectId, {
      type: "draft.review.stale",
      data: {
        textVersion,
        reviewers: nowStale.map((r) => ({
          userId: r.userId,
          name: r.user.name ?? r.user.email ?? "Member",
        })),
      },
    });
  }
  return textVersion;
}
