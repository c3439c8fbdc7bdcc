import type { PrismaClient } from "@tradeoff/db";

/** The round number under which an imported project keeps its original votes, read-only. */
export const IMPORT_ARCHIVE_ROUND = 0;

export type ArchivedVote = {
  voterId: string;
  member: string;
  criterionKey: string;
  weight: number | null;
  scores: Record<string, number | null>;
  noOpinion?: boolean;
  rationale: string | null;
  updatedAt: string;
};

/** The archived votes of an imported project, or null for a project voted in this app. */
export async function readImportArchive(
  db: Pick<PrismaClient, "projectRound">,
  projectId: string,
): Promise<ArchivedVote[] | null> {
  const round = await db.projectRound.findUnique({
    where: { projectId_round: { projectId, round: IMPORT_ARCHIVE_ROUND } },
    select: { votes: true },
  });
  if (!round || !Array.isArray(round.votes)) return null;
  return round.votes as unknown as ArchivedVote[];
}
