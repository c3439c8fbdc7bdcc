import type { PrismaClient } from "@tradeoff/db";
import { ROLE_RANK } from "../../domain/roles";
import { DomainError } from "../../errors";
import { endMembership } from "./end-membership";
import { lockedRoles } from "./lock-team";

/**
 * Removes someone from the team. They lose access on their next request, because every team
 * procedure reads the membership, the share links they created stop working
 * (`shareLinksRevoked` says how many) and the webhooks they created are turned off
 * (`webhooksDisabled`). Admins cannot remove owners; the last owner cannot go.
 */
export async function removeMember(
  db: PrismaClient,
  input: { teamId: string; actorId: string; userId: string },
) {
  if (input.userId === input.actorId) {
    throw new DomainError("BAD_REQUEST", "To leave the team yourself, use Leave team.");
  }
  return db.$transaction(async (tx) => {
    const { actor, target } = await lockedRoles(tx, input);
    if (ROLE_RANK[target.role] > ROLE_RANK[actor.role]) {
      throw new DomainError("FORBIDDEN", "Only an owner can remove an owner.");
    }
    const ended = await endMembership(tx, {
      ...input,
      role: target.role,
      action: "member.removed",
      lastOwner: "A team needs at least one owner.",
    });
    return { userId: input.userId, ...ended };
  });
}
