import type { PrismaClient, Role } from "@tradeoff/db";
import { isUniqueViolation } from "../../database-errors";
import { DomainError } from "../../errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { lockTeam } from "../member/lock-team";
import { invitationStatus, invitationStatusSelect, statusMessages } from "./invitation-status";
import { invalidLink } from "./preview-invitation";
import { hashInvitationToken } from "./token";

/**
 * Joins the team with the invitation's role. Single use even under concurrent clicks: the
 * invitation row is locked, then marked accepted in the same transaction as the membership,
 * which also marks the person's inbox items inviting them to this team read.
 */
export async function acceptInvitation(
  db: PrismaClient,
  input: { token: string; userId: string },
): Promise<{ teamId: string; teamSlug: string; teamName: string; role: Role }> {
  const tokenHash = hashInvitationToken(input.token);
  return db.$transaction(async (tx) => {
    // The team first, then the invitation: the order membership changes and a team's deletion
    // (team, then everything in it) lock in, so a join racing a deletion waits for it and then
    // finds the link gone, and two joins of one person to one team run in turn.
    const invited = await tx.invitation.findUnique({
      where: { tokenHash },
      select: { teamId: true },
    });
    if (!invited) throw invalidLink();
    await lockTeam(tx, invited.teamId);
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM invitations WHERE token_hash = ${tokenHash} FOR UPDATE`;
    const id = locked[0]?.id;
    if (!id) throw invalidLink();
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        email: true,
        role: true,
        acceptedById: true,
        ...invitationStatusSelect,
        team: { select: { id: true, name: true, slug: true } },
      },
    });
    const { team } = invitation;
    const existing = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: team.id, userId: input.userId } },
      select: { role: true },
    });
    // Accepting again what you accepted (a second press, an older tab) answers the same join.
    if (existing && invitation.acceptedById === input.userId) {
      return { teamId: team.id, teamSlug: team.slug, teamName: team.name, role: existing.role };
    }
    const status = invitationStatus(invitation);
    if (status !== "valid") throw new DomainError("PRECONDITION_FAILED", statusMessages[status]);
    const alreadyMember = () =>
      new DomainError(
        "CONFLICT",
        `You are already a member of ${team.name}. The invitation is still there for someone else.`,
      );
    if (existing) throw alreadyMember();
    if (invitation.email) {
      const user = await tx.user.findUnique({
        where: { id: input.userId },
        select: { email: true },
      });
      if (user?.email?.toLowerCase() !== invitation.email.toLowerCase()) {
        throw new DomainError(
          "FORBIDDEN",
          "This invitation was sent to another email address. Sign in with that address to accept it.",
        );
      }
    }
    // The unique (team, person) index is the last word should the team's lock ever be bypassed.
    await tx.membership
      .create({ data: { teamId: team.id, userId: input.userId, role: invitation.role } })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? alreadyMember() : error;
      });
    const now = new Date();
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { acceptedAt: now, acceptedById: input.userId },
    });
    // Their inbox's invitations to this team are answered now: none stays unread.
    await tx.notification.updateMany({
      where: { userId: input.userId, teamId: team.id, kind: "team.invited", readAt: null },
      data: { readAt: now },
    });
    await recordAuditEvent(tx, {
      teamId: team.id,
      actorId: input.userId,
      action: "invitation.accepted",
      subjectId: input.userId,
      data: { invitationId: invitation.id, role: invitation.role },
    });
    return { teamId: team.id, teamSlug: team.slug, teamName: team.name, role: invitation.role };
  });
}
