import type { Prisma } from "@tradeoff/db";
import type { DraftText } from "../../schemas/draft";
import { recordEvent } from "../project/events";
import { loadDecision } from "../project/load-decision";
import { aggregateOrUnscored } from "../record/unscored";
import { readDraftText } from "./draft-text";
import { lockDraft } from "./lock-draft";
import { settleDraftText } from "./settle-draft-text";
import { prefilledText } from "./start-draft";
import { writeDraftText } from "./store-draft-text";

/** The parts of a draft made from the votes: the consequences and the options' pros and cons. */
const FROM_VOTES = ["good", "neutral", "bad", "moreInformation"] as const;

const sameParts = (a: DraftText, b: DraftText) => FROM_VOTES.every((f) => a[f] === b[f]);

/**
 * A draft started during a blind vote was pre-filled without anyone's reasons ("Voting is blind
 * until it closes: reasons are not shown yet."). When the vote closes, in the closing
 * transaction: if those parts still read exactly as pre-filled, they are pre-filled again from
 * the reasons now shown, in the stored Markdown and, when the draft has a shared document, as an
 * update every open editor applies; a draft with no chosen option takes the recommendation.
 * Parts someone changed are theirs, and are left as written. Returns whether the draft was
 * refreshed.
 */
export async function revealDraftReasons(
  tx: Prisma.TransactionClient,
  projectId: string,
  actorId: string,
): Promise<boolean> {
  const locked = await lockDraft(tx, { projectId });
  if (locked?.status !== "PROPOSED") return false;
  const draft = await settleDraftText(tx, locked);
  const row = await tx.recordDraft.findUniqueOrThrow({
    where: { id: draft.id },
    select: { text: true, chosenOptionKey: true, teamId: true },
  });
  const current = readDraftText(row.text);
  const loaded = await loadDecision(tx, projectId, { inTransaction: true });
  const updates = await tx.recordDraftUpdate.findMany({
    where: { draftId: draft.id },
    orderBy: { id: "asc" },
    select: { update: true },
  });
  const blind = prefilledText(loaded, current.context, null, true);
  // The Markdown of a shared document is the editor's rendering of it: compare like with like.
  const document = updates.length
    ? // biome-ignore lint/style/noRestrictedImports: lazy, so Yjs stays out of the bundled API.
      await import("./document-schema")
    : null;
  const asPrefilled = document
    ? document.documentTextOfUpdates([document.seedUpdate(blind)])
    : blind;
  if (!sameParts(current, asPrefilled)) return false;

  // The consequences are the chosen option's. With none chosen yet, the recommendation now shown
  // becomes the chosen option, as for a draft started after the vote closed: a draft never
  // lists one option's consequences while it says none is chosen.
  const chosen =
    row.chosenOptionKey ?? aggregateOrUnscored(loaded.decision, { method: loaded.method }).winner;
  if (chosen !== row.chosenOptionKey) {
    await tx.recordDraft.update({
      where: { id: draft.id },
      data: { chosenOptionKey: chosen },
      select: { id: true },
    });
    await recordEvent(tx, { userId: actorId, teamId: row.teamId }, projectId, {
      type: "draft.fields.changed",
      data: {
        fields: ["chosenOptionKey"],
        before: { chosenOptionKey: row.chosenOptionKey },
        after: { chosenOptionKey: chosen },
      },
    });
  }
  const shown = prefilledText(loaded, current.context, chosen, false);
  const parts = Object.fromEntries(FROM_VOTES.map((f) => [f, shown[f]])) as Pick<
    DraftText,
    (typeof FROM_VOTES)[number]
  >;
  if (document) {
    const update = document.replaceFieldsUpdate(
      updates.map((u) => u.update),
      parts,
    );
    // biome-ignore lint/style/noRestrictedImports: lazy, so Yjs stays out of the bundled API.
    const { appendAppUpdate } = await import("./document-store");
    await appendAppUpdate(tx, { draftId: draft.id, update, authorId: actorId });
    await settleDraftText(tx, draft);
  } else {
    await writeDraftText(tx, draft, parts, { actorId });
  }
  return true;
}
