import type { Prisma } from "@tradeoff/db";

export type LockedDraft = {
  id: string;
  projectId: string;
  teamId: string;
  status: "PROPOSED" | "ACCEPTED" | "DISCARDED";
  textVersion: number;
};

/**
 * Locks a draft's row for the rest of the transaction: text stores, reviews and acceptance of
 * one draft take turns, so an approval is always of the text version it names and acceptance
 * writes exactly the text that was approved.
 */
export async function lockDraft(
  tx: Prisma.TransactionClient,
  where: { draftId: string } | { projectId: string },
): Promise<LockedDraft | null> {
  const rows =
    "draftId" in where
      ? await tx.$queryRaw<LockedDraft[]>`
          SELECT id, project_id AS "projectId", team_id AS "teamId", status::text AS status,
            text_version AS "textVersion"
          FROM record_drafts WHERE id = ${where.draftId} FOR UPDATE`
      : await tx.$queryRaw<LockedDraft[]>`
          SELECT id, project_id AS "projectId", team_id AS "teamId", status::text AS status,
            text_version AS "textVersion"
          FROM record_drafts WHERE project_id = ${where.projectId} FOR UPDATE`;
  return rows[0] ?? null;
}
