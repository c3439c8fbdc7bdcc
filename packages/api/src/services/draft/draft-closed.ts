import type { Prisma } from "@tradeoff/db";

/**
 * The channel that tells the document servers a draft was accepted or discarded:
 * `{"draftId": "...", "status": "ACCEPTED" | "DISCARDED"}`. Sent inside the transaction that
 * closes the draft, so it is delivered when (and only if) that commits; every instance then turns
 * the draft's open editors read-only at once, instead of on its next reading of their access.
 */
export const DRAFT_CLOSED_CHANNEL = "record_draft_closed";

export type ClosedDraftStatus = "ACCEPTED" | "DISCARDED";

export async function announceDraftClosed(
  tx: Prisma.TransactionClient,
  input: { draftId: string; status: ClosedDraftStatus },
): Promise<void> {
  const payload = JSON.stringify({ draftId: input.draftId, status: input.status });
  await tx.$executeRaw`SELECT pg_notify(${DRAFT_CLOSED_CHANNEL}, ${payload})`;
}
