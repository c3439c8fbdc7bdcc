import type { PrismaClient } from "@tradeoff/db";
import { notFound } from "../../errors";

/** Revokes one of the caller's tokens; the next request that carries it is refused. */
export async function revokeToken(
  db: PrismaClient,
  actor: { userId: string },
  input: { tokenId: string },
) {
  const { count } = await db.personalAccessToken.updateMany({
    where: { id: input.tokenId, userId: actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) {
    const exists = await db.personalAccessToken.findFirst({
      where: { id: input.tokenId, userId: actor.userId },
      select: { id: true },
    });
    if (!exists) throw notFound("Token");
  }
  return { id: input.tokenId, revoked: true };
}
