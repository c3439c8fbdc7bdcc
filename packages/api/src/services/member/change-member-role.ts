import type { PrismaClient, Role } from "@tradeoff/db";
import { announceAccessChanged } from "@tradeoff/db/access-changed";
import { hasRole, ROLE_RANK } from "../../domain/roles";
import { DomainError } from "../../errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { revokeInvitationsBeyond } from "../invitation/revoke-invitations-beyond";
import { disableWebhooksOf } from "../webhook/disable-webhooks-of";
import { revokeShareLinksOf } from "./end-membership";
import { countOwners, lockedRoles } from "./lock-team";

const roleName = (role: Role) => role.toLowerCase();

/**
 * Changes a member's role. Admins cannot give a role above their own nor change someone
 * above them; the last owner cannot be demoted. Concurrent changes are serialised per team:
 * the last one wins and each is in the audit trail. The share links the member created that
 * the new role could no longer create stop working (`shareLinksRevoked` says how many): a demoted
 * admin's links to others' decisions would otherwise go on showing them, live votes included.
 * An admin made member or viewer no longer manages webhooks: those they created are turned off
 * (`disableWebhooksOf`), and the answer (`webhooksDisabled`) and the audit entry say how many.
 * So are the pending invitations they made that the new role could not give
 * (`invitationsRevoked`; `revokeInvitationsBeyond`).
 */
export async function changeMemberRole(
  db: PrismaClient,
  input: { teamId: string; actorId: string; userId: string; role: Role },
) {
  return db.$transaction(async (tx) => {
    const { actor, target } = await lockedRoles(tx, input);
    if (ROLE_RANK[input.role] > ROLE_RANK[actor.role]) {
      const message = `You can give at most your own role (${roleName(actor.role)}).`;
      throw new DomainError("FORBIDDEN", message, { role: [message] });
    }
    if (ROLE_RANK[target.role] > ROLE_RANK[actor.role]) {
      throw new DomainError(
        "FORBIDDEN",
        `Only an owner can change the role of an ${roleName(target.role)}.`,
      );
    }
    if (target.role === input.role) {
      return {
        userId: input.userId,
        role: input.role,
        shareLinksRevoked: 0,
        webhooksDisabled: 0,
        invitationsRevoked: 0,
      };
    }
    if (target.role === "OWNER" && (await countOwners(tx, input.teamId)) <= 1) {
      throw new DomainError(
        "CONFLICT",
        "A team needs at least one owner. Make another member owner first.",
        { role: ["The last owner cannot be given another role."] },
      );
    }
    await tx.membership.update({
      where: { teamId_userId: { teamId: input.teamId, userId: input.userId } },
      data: { role: input.role },
    });
    const shareLinksRevoked = await revokeShareLinksOf(tx, { ...input, newRole: input.role });
    const webhooksDisabled = hasRole(input.role, "ADMIN")
      ? 0
      : await disableWebhooksOf(tx, { teamId: input.teamId, userId: input.userId, why: "demoted" });
    const invitationsRevoked = await revokeInvitationsBeyond(tx, input);
    await recordAuditEvent(tx, {
      teamId: input.teamId,
      actorId: input.actorId,
      action: "member.role_changed",
      subjectId: input.userId,
      data: {
        from: target.role,
        to: input.role,
        shareLinksRevoked,
        webhooksDisabled,
        invitationsRevoked,
      },
    });
    // A member made a viewer stops editing open drafts once this commits, on every instance.
    await announceAccessChanged(tx, { userId: input.userId, teamId: input.teamId });
    return {
      userId: input.userId,
      role: input.role,
      shareLinksRevoked,
      webhooksDisabled,
      invitationsRevoked,
    };
  });
}
