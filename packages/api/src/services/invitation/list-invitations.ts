import type { Prisma, PrismaClient } from "@tradeoff/db";

/** The team's invitations that can still be used: not accepted, not revoked, not expired. */
export const pendingInvitationsOf = (teamId: string) =>
  ({
    teamId,
    acceptedAt: null,
    revokedAt: null,
    expiresAt: { gt: new Date() },
  }) satisfies Prisma.InvitationWhereInput;

/** An invitation's fields as its creator is answered and as the team's settings list it. */
export const invitationFields = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  createdAt: true,
  /** When its email reached the mail server; null: not emailed (an open link never is). */
  emailedAt: true,
} satisfies Prisma.InvitationSelect;

/** The team's pending invitations, newest first, with who made each. */
export async function listPendingInvitations(db: PrismaClient, input: { teamId: string }) {
  return db.invitation.findMany({
    where: pendingInvitationsOf(input.teamId),
    orderBy: { createdAt: "desc" },
    select: { ...invitationFields, createdBy: { select: { id: true, name: true, email: true } } },
  });
}
