import type { Prisma } from "@tradeoff/db";
import { hasRole } from "../../domain/roles";

export type BallotProgress = {
  userId: string;
  name: string;
  /** Criteria this member has answered (a "no opinion" counts: it is an answer). */
  answered: number;
  total: number;
};

/**
 * Where each voter (members and up) stands on a project's ballot. The one place that decides
 * what "complete" means: a ballot is complete when every criterion has the member's vote.
 * Reminders and the "waiting on" list both use it, so it can be swapped for the scoring
 * package's own participation measure in one place.
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
  const readTotal = () => db.criterion.count({ where: { projectId: project.id } });
  const readAnswered = () =>
    db.vote.groupBy({ by: ["userId"], where: { projectId: project.id }, _count: { _all: true } });
  // A transaction holds one connection, which runs one query at a time (as in loadDecision).
  const [members, total, answered] = opts.inTransaction
    ? [await readMembers(), await readTotal(), await readAnswered()]
    : await Promise.all([readMembers(), readTotal(), readAnswered()]);
  const counts = new Map(answered.map((row) => [row.userId, row._count._all]));
  return members
    .filter((m) => hasRole(m.role, "MEMBER"))
    .map((m) => ({
      userId: m.userId,
      name: m.user.name ?? m.user.email ?? "A member",
      answered: Math.min(counts.get(m.userId) ?? 0, total),
      total,
    }));
}

export const isComplete = (p: BallotProgress) => p.total > 0 && p.answered >= p.total;
