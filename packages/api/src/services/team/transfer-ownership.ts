import type { PrismaClient } from "@tradeoff/db";
import { DomainError, notFound } from "../../errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { revokeInvitationsBeyond } from "../invitation/revoke-invitations-beyond";
import { lockedActorRole } from "../member/current-role";

/**
 * Makes another member the owner; the previous owner stays on as an admin, and the pending
 * invitations they made that an admin cannot give (to make owners) are revoked: the answer and
 * the audit entry say how many (`invitationsRevoked`).
 */
export async function transferOwnership(
  db: PrismaClient,
  input: { teamId: string; actorId: string; userId: string },
) {
  if (input.userId === input.actorId) {
    throw new DomainError("BAD_REQUEST", "Choose another member to hand ownership to.", {
      userId: ["Choose another member."],
    });
  }
  return db.$transaction(async (tx) => {
    // The caller's role as it stands under the lock: a second transfer from another tab, or one
    // sent by a co-owner being demoted, finds them no longer owner.
    await lockedActorRole(tx, { teamId: input.teamId, actorId: input.actorId, minRole: "OWNER" });
    const target = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: input.teamId, userId: input.userId } },
      select: { role: true },
    });
    if (!target) throw notFound("Member");
    await tx.membership.update({
      where: { teamId_userId: { teamId: input.teamId, userId: input.userId } },
      data: { role: "OWNER" },
    });
    await tx.membership.update({
      where: { teamId_userId: { teamId: input.teamId, userId: input.actorId } },
      data: { role: "ADMIN" },
    });
    // The previous owner, now an admin, can no longer invite owners.
    const invitationsRevoked = await revokeInvitationsBeyond(tx, {
      teamId: input.teamId,
      userId: input.actorId,
      role: "ADMIN",
      actorId: input.actorId,
    });
    await recordAuditEvent(tx, {
      teamId: input.teamId,
      actorId: input.actorId,
      action: "team.ownership_transferred",
      subjectId: input.userId,
      data: { from: target.role, to: "OWNER", invitationsRevoked },
    });
    return { userId: input.userId, role: "OWNER" as const, invitationsRevoked };
  });
}
