import type { PrismaClient } from "@tradeoff/db";
import { announceAccessChanged } from "@tradeoff/db/access-changed";

/**
 * Every session issued so far (on any device, this one too) stops working on its next request;
 * open draft editors close at once.
 */
export async function signOutEverywhere(db: PrismaClient, input: { userId: string }) {
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: input.userId },
      data: { tokenVersion: { increment: 1 } },
      select: { id: true },
    });
    await tx.signInSession.deleteMany({ where: { userId: input.userId } });
    await announceAccessChanged(tx, { userId: input.userId, teamId: null });
  });
  return { signedOut: true };
}
