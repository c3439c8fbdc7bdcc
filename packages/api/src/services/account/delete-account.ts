import type { PrismaClient } from "@tradeoff/db";
import { announceAccessChanged } from "@tradeoff/db/access-changed";
import { DomainError, notFound } from "../../errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { revokeInvitationsBeyond } from "../invitation/revoke-invitations-beyond";
import { revokeShareLinksOf } from "../member/end-membership";
import { countOwners, lockTeamsOf } from "../member/lock-team";
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
    for (const m of memberships) {
      // Their share links would outlive the account (they name no creator once it is gone).
      const shareLinksRevoked = await revokeShareLinksOf(tx, {
        teamId: m.teamId,
        userId: input.userId,
      });
      await recordAuditEvent(tx, {
        teamId: m.teamId,
        actorId: input.userId,
        action: "member.left",
        subjectId: input.userId,
        data: { role: m.role, accountDeleted: true, shareLinksRevoked },
      });
      await revokeInvitationsBeyond(tx, {
        teamId: m.teamId,
        userId: input.userId,
        role: null,
        actorId: input.userId,
      });
    }
    await tx.user.delete({ where: { id: input.userId } });
    await announceAccessChanged(tx, { userId: input.userId, teamId: null });
    return { deleted: true };
  });
}
