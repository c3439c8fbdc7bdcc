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

/** Revoked tokens listed a page at a time: they only say what once had access. */
export const REVOKED_TOKENS_PAGE = 10;

/**
 * The caller's tokens, never their secrets: every active one (there are at most 50), newest
 * first, and the revoked ones a page at a time, the most recently revoked first, with how many
 * there are in all. `cursor` (the last revoked token of the previous page) asks for the next.
 */
export async function listTokens(
  db: PrismaClient,
  actor: { userId: string },
  input: { cursor?: string | null | undefined } = {},
) {
  const [active, revoked, revokedTotal] = await Promise.all([
    db.personalAccessToken.findMany({
      where: { userId: actor.userId, revokedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: tokenSelect,
    }),
    db.personalAccessToken.findMany({
      where: { userId: actor.userId, revokedAt: { not: null } },
      orderBy: [{ revokedAt: "desc" }, { id: "desc" }],
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      take: REVOKED_TOKENS_PAGE + 1,
      select: tokenSelect,
    }),
    db.personalAccessToken.count({ where: { userId: actor.userId, revokedAt: { not: null } } }),
  ]);
  const page = revoked.slice(0, REVOKED_TOKENS_PAGE);
  return {
    active,
    revoked: page,
    revokedTotal,
    nextCursor: revoked.length > REVOKED_TOKENS_PAGE ? (page.at(-1)?.id ?? null) : null,
  };
}
