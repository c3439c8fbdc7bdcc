import type { Prisma, Role } from "@tradeoff/db";
import { hasRole } from "../../domain/roles";
import { DomainError, notFound } from "../../errors";
import { lockTeam } from "./lock-team";

/**
 * The actor's role in the team as it stands now, read inside `tx` after the lock the change
 * depends on is held. The access check in front of every request reads the role before any
 * lock: a request that then waits for the lock (behind a vote, an import, a role change) would
 * otherwise act with a role its member was meanwhile demoted from, or after they were removed.
 * Refused as the access check refuses: NOT_FOUND out of the team (naming what the request was
 * about, `scope`: the team, or a decision of it), FORBIDDEN below `minRole`.
 */
export async function currentRole(
  tx: Prisma.TransactionClient,
  input: { teamId: string; actorId: string; minRole: Role; scope?: "Team" | "Decision project" },
): Promise<Role> {
  const membership = await tx.membership.findUnique({
    where: { teamId_userId: { teamId: input.teamId, userId: input.actorId } },
    select: { role: true },
  });
  if (!membership) throw notFound(input.scope ?? "Team");
  if (!hasRole(membership.role, input.minRole)) {
    throw new DomainError(
      "FORBIDDEN",
      `This needs the ${input.minRole.toLowerCase()} role or higher in the team.`,
    );
  }
  return membership.role;
}

/**
 * currentRole's input for a change to one of the team's decisions: a member or more, refused
 * as a decision of another team is (NOT_FOUND naming the decision).
 */
export const decisionMember = (actor: { userId: string; teamId: string }) =>
  ({
    teamId: actor.teamId,
    actorId: actor.userId,
    minRole: "MEMBER",
    scope: "Decision project",
  }) as const;

/**
 * Locks the team (see lockTeam), then reads the actor's role (see currentRole): no role change,
 * removal or departure can commit until this transaction ends.
 */
export async function lockedActorRole(
  tx: Prisma.TransactionClient,
  input: { teamId: string; actorId: string; minRole: Role },
): Promise<Role> {
  await lockTeam(tx, input.teamId);
  return currentRole(tx, input);
}

/**
 * Shares the team's row (FOR KEY SHARE), then reads the actor's role (see currentRole): removals
 * and role changes, which lock that row FOR UPDATE, wait until this transaction ends, so the role
 * read holds for every change it makes. Not lockTeam's FOR UPDATE: for a change that refers to
 * a decision, which a close may hold while it refers to the team (docs/ARCHITECTURE.md, lock
 * order). Taken before the rows the change locks next, in the order removals lock.
 */
export async function sharedActorRole(
  tx: Prisma.TransactionClient,
  input: { teamId: string; actorId: string; minRole: Role; scope?: "Team" | "Decision project" },
): Promise<Role> {
  await tx.$queryRaw`SELECT id FROM teams WHERE id = ${input.teamId} FOR KEY SHARE`;
  return currentRole(tx, input);
}
