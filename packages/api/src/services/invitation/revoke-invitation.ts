import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { markInvitationsReadInInbox } from "./inbox-items";

/**
 * Revokes a pending invitation of this team: its link stops working at once, and the inbox item
 * that announced it to its invitee is marked read (the inbox says it was revoked).
 */
export async function revokeInvitation(
  db: PrismaClient,
  input: { teamId: string; actorId: string; invitationId: string },
) {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const revoked = await tx.invitation.updateManyAndReturn({
      where: { id: input.invitationId, teamId: input.teamId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
      select: { email: true, role: true },
    });
    const [invitation] = revoked;
    if (!invitation) {
      throw new DomainError(
        "NOT_FOUND",
        "Invitation was not found or was already used or revoked.",
      );
    }
    await markInvitationsReadInInbox(tx, [input.invitationId], now);
    await recordAuditEvent(tx, {
      teamId: input.teamId,
      actorId: input.actorId,
      action: "invitation.revoked",
      data: { invitationId: input.invitationId, email: invitation.email, role: invitation.role },
    });
    return { id: input.invitationId };
  });
}
