import type { Prisma, PrismaClient } from "@tradeoff/db";

/** The team's invitations that can still be used: not accepted, not revoked, not expired. */
export const pendingInvitationsOf = (teamId: string) =>
  ({
    teamId,
    acceptedAt: null,
    revokedAt: null,
    expiresAt: { gt: new Date() },
  }) satisfies Prisma.InvitationWhereInput;

/** The team's pending invitations, newest first, with who made each. */
export async function listPendingInvitations(db: PrismaClient, input: { teamId: string }) {
  return db.invitation.findMany({
    where: pendingInvitationsOf(input.teamId),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      createdBy: { select: { id: true, name: true, email: true } },
    },
  });
}
