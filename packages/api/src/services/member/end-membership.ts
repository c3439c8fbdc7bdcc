import type { Prisma, Role } from "@tradeoff/db";
import { announceAccessChanged } from "@tradeoff/db/access-changed";
import { hasRole } from "../../domain/roles";
import { DomainError } from "../../errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { revokeInvitationsBeyond } from "../invitation/revoke-invitations-beyond";
import { disableWebhooksOf } from "../webhook/disable-webhooks-of";
import { countOwners } from "./lock-team";

/**
 * Takes `userId` out of the team inside `tx` (the team locked by the caller) and records who
 * did it: removed by an admin or owner, or left on their own. The team's last owner cannot go;
 * `lastOwner` says what to do instead. Their pending invitations go with them (the audit entry
 * and the answer say how many: `invitationsRevoked`), and so do their
 * notifications of the team: the inbox, its unread count, an email job still queued and the
 * daily digest read titles and names when they run, which a former member may no longer see.
 * The share links they created are revoked too: the team shares its decisions through its
 * members, and a former member's links would go on showing them (live votes included) to
 * whoever holds them. The audit entry says how many; an admin shares again where still wanted.
 * So are the webhooks they created (turned off, not deleted: `disableWebhooksOf`).
 */
export async function endMembership(
  tx: Prisma.TransactionClient,
  input: {
    teamId: string;
    userId: string;
    actorId: string;
    role: Role;
    action: "member.removed" | "member.left";
    lastOwner: string;
  },
) {
  if (input.role === "OWNER" && (await countOwners(tx, input.teamId)) <= 1) {
    throw new DomainError("CONFLICT", input.lastOwner);
  }
  await tx.membership.delete({
    where: { teamId_userId: { teamId: input.teamId, userId: input.userId } },
  });
  // After the membership: a notification written at the same moment (notifyTeam reads the
  // members FOR SHARE) has committed by now, so this statement sees it too.
  await tx.notification.deleteMany({ where: { teamId: input.teamId, userId: input.userId } });
  const shareLinksRevoked = await revokeShareLinksOf(tx, input);
  const webhooksDisabled = await disableWebhooksOf(tx, {
    teamId: input.teamId,
    userId: input.userId,
    why: input.action === "member.left" ? "left" : "removed",
  });
  const invitationsRevoked = await revokeInvitationsBeyond(tx, { ...input, role: null });
  await recordAuditEvent(tx, {
    teamId: input.teamId,
    actorId: input.actorId,
    action: input.action,
    subjectId: input.userId,
    data: { role: input.role, shareLinksRevoked, webhooksDisabled, invitationsRevoked },
  });
  // Open draft editors of theirs close once this commits, on every instance.
  await announceAccessChanged(tx, { userId: input.userId, teamId: input.teamId });
  return { shareLinksRevoked, webhooksDisabled, invitationsRevoked };
}

/**
 * Revokes the share links `userId` created in the team that still work; how many. With
 * `newRole` (a member who stays), only the links that role could no longer create: a member
 * shares only the decisions they created, a viewer none (`createShareLink`).
 */
export async function revokeShareLinksOf(
  tx: Prisma.TransactionClient,
  input: { teamId: string; userId: string; newRole?: Role },
): Promise<number> {
  if (input.newRole && hasRole(input.newRole, "ADMIN")) return 0;
  const now = new Date();
  const { count } = await tx.shareLink.updateMany({
    where: {
      teamId: input.teamId,
      createdById: input.userId,
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      ...(input.newRole === "MEMBER"
        ? { project: { OR: [{ createdById: null }, { createdById: { not: input.userId } }] } }
        : {}),
    },
    data: { revokedAt: now },
  });
  return count;
}
