import type { PrismaClient } from "@tradeoff/db";

/** Every session issued so far (on any device) stops working on its next request. */
export async function signOutEverywhere(db: PrismaClient, input: { userId: string }) {
  await db.user.update({
    where: { id: input.userId },
    data: { tokenVersion: { increment: 1 } },
  });
  return { signedOut: true };
}
