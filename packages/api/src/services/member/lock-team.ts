import type { Prisma } from "@tradeoff/db";
import { notFound } from "../../errors";

/**
 * Serialises membership changes of one team (row lock until the transaction ends), so two
 * admins acting at once cannot both remove "the other" owner and leave the team without one.
 */
export async function lockTeam(tx: Prisma.TransactionClient, teamId: string) {
  await tx.$queryRaw`SELECT id FROM teams WHERE id = ${teamId} FOR UPDATE`;
}

/**
 * Locks every team `userId` belongs to, in one order (by id) so that two people doing this at
 * once never wait on each other, and returns their memberships as they stand under the locks.
 * Read again until no team is missing: one joined meanwhile is locked too. The lock is FOR NO
 * KEY UPDATE, not lockTeam's FOR UPDATE: membership changes (lockTeam) and another account's
 * deletion still wait for it, but a change that holds one of the team's decisions and merely
 * refers to the team (its history entry, notifications, audit entry: FOR KEY SHARE) does not,
 * since account deletion then waits for that decision (docs/ARCHITECTURE.md, lock order).
 */
export async function lockTeamsOf(tx: Prisma.TransactionClient, userId: string) {
  const locked = new Set<string>();
  for (;;) {
    const memberships = await tx.membership.findMany({
      where: { userId },
      select: { teamId: true, role: true, team: { select: { name: true } } },
      orderBy: { teamId: "asc" },
    });
    const unlocked = memberships.filter((m) => !locked.has(m.teamId));
    if (unlocked.length === 0) return memberships;
    for (const { teamId } of unlocked) {
      await tx.$queryRaw`SELECT id FROM teams WHERE id = ${teamId} FOR NO KEY UPDATE`;
      locked.add(teamId);
    }
  }
}

export async function countOwners(tx: Prisma.TransactionClient, teamId: string) {
  return tx.membership.count({ where: { teamId, role: "OWNER" } });
}

/**
 * Locks the team (see lockTeam), then reads the roles of the member acting and of the member
 * acted on; NOT_FOUND when the actor is not in the team or the target is no member.
 */
export async function lockedRoles(
  tx: Prisma.TransactionClient,
  input: { teamId: string; actorId: string; userId: string },
) {
  await lockTeam(tx, input.teamId);
  // In turn, not at once: a transaction's one connection runs one query at a time.
  const roleOf = (userId: string) =>
    tx.membership.findUnique({
      where: { teamId_userId: { teamId: input.teamId, userId } },
      select: { role: true },
    });
  const actor = await roleOf(input.actorId);
  const target = await roleOf(input.userId);
  if (!actor) throw notFound("Team");
  if (!target) throw notFound("Member");
  return { actor, target };
}
