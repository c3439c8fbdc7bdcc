import type { PrismaClient } from "@tradeoff/db";
import { ROLE_RANK } from "../../domain/roles";
import { DomainError } from "../../errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { countOwners, lockedRoles } from "./lock-team";

/**
 * Removes someone from the team. They lose access on their next request, because every team
 * procedure reads the membership. Admins cannot remove owners; the last owner cannot go.
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
    if (target.role === "OWNER" && (await countOwners(tx, input.teamId)) <= 1) {
      throw new DomainError("CONFLICT", "A team needs at least one owner.");
    }
    await tx.membership.delete({
      where: { teamId_userId: { teamId: input.teamId, userId: input.userId } },
    });
    await recordAuditEvent(tx, {
      teamId: input.teamId,
      actorId: input.actorId,
      action: "member.removed",
      subjectId: input.userId,
      data: { role: target.role },
    });
    return { userId: input.userId };
  });
}
