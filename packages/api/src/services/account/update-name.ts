import type { PrismaClient } from "@tradeoff/db";

export async function updateName(db: PrismaClient, input: { userId: string; name: string }) {
  return db.user.update({
    where: { id: input.userId },
    data: { name: input.name },
    select: { id: true, name: true, email: true },
  });
}
