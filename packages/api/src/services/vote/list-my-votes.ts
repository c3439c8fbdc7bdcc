import type { PrismaClient } from "@tradeoff/db";

/** The caller's own current votes on a project, by criterion key: what the voting panel edits. */
export async function listMyVotes(
  db: PrismaClient,
  actor: { userId: string; teamId: string },
  input: { projectId: string },
) {
  const votes = await db.vote.findMany({
    where: { projectId: input.projectId, userId: actor.userId, project: { teamId: actor.teamId } },
    select: {
      weight: true,
      scores: true,
      noOpinion: true,
      rationale: true,
      updatedAt: true,
      criterion: { select: { key: true } },
    },
  });
  return votes.map((vote) => ({
    criterionKey: vote.criterion.key,
    weight: vote.weight,
    scores: (vote.scores ?? {}) as Record<string, number | null>,
    noOpinion: vote.noOpinion,
    rationale: vote.rationale,
    savedAt: vote.updatedAt,
  }));
}
