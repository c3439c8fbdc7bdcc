import type { Prisma, PrismaClient } from "@tradeoff/db";
import type { LockedDraft } from "./lock-draft";
import { writeDraftText } from "./store-draft-text";
import { openDraft } from "./update-draft-fields";

/**
 * Brings a draft's stored Markdown up to its shared document as the database holds it now, inside
 * the transaction that locked the draft, and returns the draft at its current text version.
 *
 * The app instances append each burst of edits to `record_draft_updates` within milliseconds,
 * but write the Markdown only once typing pauses (Hocuspocus's debounced store, about a second).
 * A review or an acceptance in that gap would otherwise name the version before the last edits
 * that everyone already sees: the approval turns stale a second later, or the record leaves out
 * the last sentence typed. Settling first makes an approval cover the text on the reviewer's
 * screen and a record hold the text as accepted; the instances' later stores find the same text
 * and change nothing.
 */
export async function settleDraftText(
  tx: Prisma.TransactionClient,
  draft: LockedDraft,
): Promise<LockedDraft> {
  const rows = await tx.recordDraftUpdate.findMany({
    where: { draftId: draft.id },
    orderBy: { id: "asc" },
    select: { update: true, authorId: true },
  });
  // No rows: nobody opened the editor yet, and the stored Markdown is the whole text.
  if (!rows.length) return draft;
  // The Markdown conversion (Yjs and TipTap's schema) loads with the first settle: the API's
  // other routes, which Next.js bundles too, carry none of it, and the process keeps one Yjs.
  // biome-ignore lint/style/noRestrictedImports: lazy, so Yjs stays out of the bundled API.
  const { documentReadsAs, documentTextOfUpdates } = await import("./document-schema");
  const text = documentTextOfUpdates(rows.map((row) => row.update));
  // The edits are whoever typed them, as when the instances store the text: the history names
  // the author of the newest edit, never the reviewer or accepter whose request settles it.
  const { textVersion } = await writeDraftText(tx, draft, text, {
    actorId: rows.at(-1)?.authorId ?? null,
    readsAs: documentReadsAs,
  });
  return { ...draft, textVersion };
}

/**
 * `settleDraftText` in a transaction of its own, committed whatever follows: an acceptance that
 * the settled text refuses (its approvals turned stale) leaves the draft showing why.
 */
export async function settleOpenDraft(
  db: PrismaClient,
  actor: { userId: string; teamId: string },
  projectId: string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await settleDraftText(tx, await openDraft(tx, actor, projectId));
  });
}
