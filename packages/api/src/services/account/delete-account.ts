import type { PrismaClient } from "@tradeoff/db";
import { announceAccessChanged } from "@tradeoff/db/access-changed";
import { DomainError, notFound } from "../../errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { revokeInvitationsBeyond } from "../invitation/revoke-invitations-beyond";
import { revokeShareLinksOf } from "../member/end-membership";
import { countOwners, lockTeamsOf } from "../member/lock-team";
import { disableWebhooksOf } from "../webhook/disable-webhooks-of";
import { checkCurrentPassword } from "./check-current-password";

/**
 * Deletes the account and with it every membership. Refused while the user is the only owner
 * of a team (named in the message), so no team is left without an owner. Confirmed with the
 * password (held by the attempt limits), or with the email address for accounts that have none
 * (OAuth, magic link).
 */
export async function deleteAccount(
  db: PrismaClient,
  input: {
    userId: string;
    /** The sign-in record of the session asking; null when it has none. */
    sessionId: string | null;
    confirmation: string;
  },
) {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { email: true, passwordHash: true },
  });
  if (!user) throw notFound("Account");
  const confirmed = user.passwordHash
    ? await checkCurrentPassword(db, {
        userId: input.userId,
        sessionId: input.sessionId,
        password: input.confirmation,
        passwordHash: user.passwordHash,
      })
    : input.confirmation.trim().toLowerCase() === user.email?.toLowerCase();
  if (!confirmed) {
    const message = user.passwordHash
      ? "That is not your password."
      : "Type your email address to confirm.";
    throw new DomainError("BAD_REQUEST", message, { confirmation: [message] });
  }
  return db.$transaction(async (tx) => {
    // Under the teams' locks, as leaving and role changes are: two owners deleting their
    // accounts at once are counted one after the other, so one of them stays.
    const memberships = await lockTeamsOf(tx, input.userId);
    const soleOwner: string[] = [];
    for (const m of memberships) {
      if (m.role === "OWNER" && (await countOwners(tx, m.teamId)) <= 1) soleOwner.push(m.team.name);
    }
    if (soleOwner.length > 0) {
      throw new DomainError(
        "CONFLICT",
        `You are the only owner of ${soleOwner.join(", ")}. Make another member owner, or delete ${
          soleOwner.length === 1 ? "that team" : "those teams"
        }, before deleting your account.`,
      );
    }
    // Then the decisions the deletion changes, before anything else: clearing the account's
    // name from their history raises their version, and those it created lose their creator.
    // A close or vote on one of them that got there first finishes (its history entry and
    // notifications only refer to the team, which the lock above lets them do) before this
    // goes on; taken later, each would wait for the other.
    await tx.$queryRaw`
      SELECT id FROM projects
      WHERE created_by_id = ${input.userId}
        OR id IN (SELECT project_id FROM project_events WHERE actor_id = ${input.userId})
      ORDER BY id FOR UPDATE`;
    for (const m of memberships) {
      // Their share links and webhooks would outlive the account (they name no creator once it
      // is gone): the links are revoked, the webhooks turned off (`disableWebhooksOf`).
      const shareLinksRevoked = await revokeShareLinksOf(tx, {
        teamId: m.teamId,
        userId: input.userId,
      });
      const webhooksDisabled = await disableWebhooksOf(tx, {
        teamId: m.teamId,
        userId: input.userId,
        why: "account_deleted",
      });
      const invitationsRevoked = await revokeInvitationsBeyond(tx, {
        teamId: m.teamId,
        userId: input.userId,
        role: null,
        actorId: input.userId,
      });
      await recordAuditEvent(tx, {
        teamId: m.teamId,
        actorId: input.userId,
        action: "member.left",
        subjectId: input.userId,
        data: {
          role: m.role,
          accountDeleted: true,
          shareLinksRevoked,
          webhooksDisabled,
          invitationsRevoked,
        },
      });
    }
    // The memberships before the account's row: a notification being written for this member
    // holds their membership (FOR SHARE) and then refers to the account (FOR KEY SHARE), so it
    // must find the account's row not yet locked.
    await tx.membership.deleteMany({ where: { userId: input.userId } });
    await tx.user.delete({ where: { id: input.userId } });
    await announceAccessChanged(tx, { userId: input.userId, teamId: null });
    return { deleted: true };
  });
}
