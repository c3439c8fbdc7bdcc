import type { Prisma, Role } from "@tradeoff/db";
import { hasRole, ROLE_RANK, ROLES } from "../../domain/roles";
import { recordAuditEvent } from "../audit/record-audit-event";
import { markInvitationsReadInInbox } from "./inbox-items";
import { pendingInvitationsOf } from "./list-invitations";

/**
 * Revokes the pending invitations `userId` created in the team that their role no longer lets
 * them give: all of them once they are below admin or out of the team (`role` null), those
 * above their new role otherwise. An open link made before a demotion would otherwise still
 * hand out the old power. Call it in the transaction that changes the role; each revocation is
 * in the audit trail, by whoever made the change, with the invitation's address and role and
 * why, and its invitee's inbox item is marked read. Answers how many were revoked.
 */
export async function revokeInvitationsBeyond(
  tx: Prisma.TransactionClient,
  input: { teamId: string; userId: string; role: Role | null; actorId: string | null },
): Promise<number> {
  const { role } = input;
  const beyond =
    role && hasRole(role, "ADMIN") ? ROLES.filter((r) => ROLE_RANK[r] > ROLE_RANK[role]) : ROLES;
  if (beyond.length === 0) return 0;
  const pending = await tx.invitation.findMany({
    where: {
      ...pendingInvitationsOf(input.teamId),
      createdById: input.userId,
      role: { in: [...beyond] },
    },
    select: { id: true, email: true, role: true },
  });
  if (pending.length === 0) return 0;
  const now = new Date();
  const ids = pending.map((i) => i.id);
  await tx.invitation.updateMany({ where: { id: { in: ids } }, data: { revokedAt: now } });
  await markInvitationsReadInInbox(tx, ids, now);
  for (const { id, email, role: invitedAs } of pending) {
    await recordAuditEvent(tx, {
      teamId: input.teamId,
      actorId: input.actorId,
      action: "invitation.revoked",
      subjectId: input.userId,
      data: {
        invitationId: id,
        email,
        role: invitedAs,
        reason: role ? "inviter_role_changed" : "inviter_left",
      },
    });
  }
  return pending.length;
}
