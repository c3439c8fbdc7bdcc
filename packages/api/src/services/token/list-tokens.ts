import type { Prisma, PrismaClient } from "@tradeoff/db";

export const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} satisfies Prisma.PersonalAccessTokenSelect;

/** The caller's own tokens, newest first; never their secrets. */
export async function listTokens(db: PrismaClient, actor: { userId: string }) {
  return db.personalAccessToken.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: "desc" },
    select: tokenSelect,
  });
}
