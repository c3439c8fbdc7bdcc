import type { Prisma } from "@tradeoff/db";
import { type BallotState, type BallotVote, ballotOf } from "@tradeoff/scoring";
import { hasRole } from "../../domain/roles";
import { readScores } from "../project/load-decision";

export type BallotProgress = {
  userId: string;
  name: string;
  /** Criteria this member has finished: every option scored, or marked "no opinion". */
  answered: number;
  total: number;
  state: BallotState;
};

/**
 * Where each voter (members and up) stands on a project's ballot, by the scoring package's
 * rule (`ballotOf`, the one the recommendation's participation and quorum count): complete when
 * every criterion has the member's score for every option or their "no opinion" mark. An
 * importance alone does not finish a criterion. The "waiting on" list, nudges, deadline
 * reminders and the dashboard all ask this rule, so none can call a ballot complete that the
 * project page counts as partial.
 */
export async function ballotProgress(
  db: Prisma.TransactionClient,
  project: { id: string; teamId: string },
  opts: { inTransaction?: boolean } = {},
): Promise<BallotProgress[]> {
  const readMembers = () =>
    db.membership.findMany({
      where: { teamId: project.teamId },
      select: { userId: true, role: true, user: { select: { name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    });
  const readShape = () =>
    db.project.findUniqueOrThrow({
      where: { id: project.id },
      select: { options: { select: { key: true } }, criteria: { select: { key: true } } },
    });
  const readVotes = () =>
    db.vote.findMany({
      where: { projectId: project.id },
      select: {
        userId: true,
        weight: true,
        scores: true,
        noOpinion: true,
        criterion: { select: { key: true } },
      },
    });
  // A transaction holds one connection, which runs one query at a time (as in loadDecision).
  const [members, shape, votes] = opts.inTransaction
    ? [await readMembers(), await readShape(), await readVotes()]
    : await Promise.all([readMembers(), readShape(), readVotes()]);
  const optionKeys = new Set(shape.options.map((o) => o.key));
  const byVoter = new Map<string, BallotVote[]>();
  for (const vote of votes) {
    // A vote whose stored scores cannot be read finishes nothing, as the recommendation leaves
    // it out.
    const scores = readScores(vote.scores, optionKeys);
    if (!scores) continue;
    const list = byVoter.get(vote.userId) ?? [];
    list.push({
      criterionKey: vote.criterion.key,
      weight: vote.weight,
      scores,
      noOpinion: vote.noOpinion,
    });
    byVoter.set(vote.userId, list);
  }
  return members
    .filter((m) => hasRole(m.role, "MEMBER"))
    .map((m) => {
      const ballot = ballotOf(shape, byVoter.get(m.userId) ?? []);
      return {
        userId: m.userId,
        name: m.user.name ?? m.user.email ?? "A member",
        answered: ballot.doneCriteria,
        total: shape.criteria.length,
        state: ballot.state,
      };
    });
}

export const isComplete = (p: BallotProgress) => p.state === "complete";
