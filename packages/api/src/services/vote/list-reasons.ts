import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { isBlind } from "../history/event-view";
import { findTeamProject } from "../project/find-team-project";

/** What the ballot says instead of teammates' reasons while they are secret. */
export const BLIND_REASONS_NOTE =
  "This is a blind vote: teammates' reasons show here once the decision is closed.";

/**
 * The reasons teammates gave on one criterion (the caller's own "Why" is in their ballot
 * already), newest first, with each author's scores there. Follows the product's one rule on
 * others' votes: while a blind project is open nobody sees anyone else's, so their reasons
 * stay hidden too and only `note` says when they will show.
 */
export async function listReasons(
  db: PrismaClient,
  actor: { userId: string; teamId: string },
  input: { projectId: string; criterionKey: string },
) {
  const project = await findTeamProject(
    db,
    { teamId: actor.teamId, projectId: input.projectId },
    {
      status: true,
      votingMode: true,
      criteria: { where: { key: input.criterionKey }, select: { id: true } },
    },
  );
  const criterion = project.criteria[0];
  if (!criterion) {
    throw new DomainError("BAD_REQUEST", "This decision has no such criterion.", {
      criterionKey: [`Unknown criterion: ${input.criterionKey}. Use a key from the decision.`],
    });
  }
  if (isBlind(project)) return { hidden: true as const, note: BLIND_REASONS_NOTE, reasons: [] };

  const votes = await db.vote.findMany({
    where: {
      criterionId: criterion.id,
      userId: { not: actor.userId },
      rationale: { not: null },
      NOT: { rationale: "" },
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      rationale: true,
      updatedAt: true,
      weight: true,
      noOpinion: true,
      scores: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  return {
    hidden: false as const,
    note: null,
    reasons: votes.map((vote) => ({
      author: { id: vote.user.id, name: vote.user.name ?? vote.user.email ?? "Someone" },
      reason: vote.rationale ?? "",
      at: vote.updatedAt,
      importance: vote.weight,
      noOpinion: vote.noOpinion,
      scores: (vote.scores ?? {}) as Record<string, number | null>,
    })),
  };
}
