import type { PrismaClient } from "@tradeoff/db";

/** Every session issued so far (on any device, this one too) stops working on its next request. */
export async function signOutEverywhere(db: PrismaClient, input: { userId: string }) {
  await db.$transaction([
    db.user.update({ where: { id: input.userId }, data: { tokenVersion: { increment: 1 } } }),
    db.signInSession.deleteMany({ where: { userId: input.userId } }),
  ]);
  return { signedOut: true };
}
