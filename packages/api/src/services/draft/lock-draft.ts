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
 *
 * Lock order of every change to a record draft, one for all of them (field changes, reviews,
 * comments, discards, acceptance, starting it, the stores of its text and of its editors' edits):
 *   1. the team's row, FOR KEY SHARE (`sharedActorRole`, which reads the actor's role under it);
 *   2. the decision's row (`projects`): FOR NO KEY UPDATE here, the lock its history entry's
 *      numbering takes anyway (or FOR UPDATE, taken before by `lockProject`);
 *   3. the draft's row.
 * A change may leave a step out (the append of edits writes no history entry, so it never locks
 * the decision), never take them the other way round: a change holding the draft and then
 * waiting for the decision, while an acceptance holds the decision and waits for the draft, is a
 * deadlock, which PostgreSQL ends by failing one of them. So the two first steps are taken here,
 * before the draft's row, even when the caller took them already (taking them again is free).
 */
export async function lockDraft(
  tx: Prisma.TransactionClient,
  where: { draftId: string } | { projectId: string },
): Promise<LockedDraft | null> {
  // Step 1 with the reading of whose draft it is, in one statement: only the team's row is
  // locked (OF t).
  const [owner] =
    "draftId" in where
      ? await tx.$queryRaw<{ projectId: string; teamId: string }[]>`
          SELECT d.project_id AS "projectId", t.id AS "teamId"
          FROM record_drafts d JOIN teams t ON t.id = d.team_id
          WHERE d.id = ${where.draftId} FOR KEY SHARE OF t`
      : await tx.$queryRaw<{ projectId: string; teamId: string }[]>`
          SELECT p.id AS "projectId", t.id AS "teamId"
          FROM projects p JOIN teams t ON t.id = p.team_id
          WHERE p.id = ${where.projectId} FOR KEY SHARE OF t`;
  if (!owner) return null;
  await tx.$queryRaw`SELECT id FROM projects WHERE id = ${owner.projectId} FOR NO KEY UPDATE`;
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
