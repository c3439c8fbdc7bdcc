import type { PrismaClient } from "@tradeoff/db";

/** Invitations that can still be used: not accepted, not revoked, not expired. */
export async function listPendingInvitations(db: PrismaClient, input: { teamId: string }) {
  return db.invitation.findMany({
    where: {
      teamId: input.teamId,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
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
