import type { PrismaClient } from "@tradeoff/db";

/** The signed-in user's own account: who they are, as the app shows it. */
export async function getAccount(db: PrismaClient, input: { userId: string }) {
  return db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { id: true, email: true, name: true },
  });
}
