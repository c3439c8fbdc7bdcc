import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { hashAccessToken, newAccessToken } from "./access-token";
import { tokenSelect } from "./list-tokens";

const MAX_ACTIVE_TOKENS = 50;

/** Creates a personal access token; the token itself is returned this once and never again. */
export async function createToken(
  db: PrismaClient,
  actor: { userId: string },
  input: { name: string; scope: "READ" | "READ_WRITE"; expiresInDays?: number | null },
) {
  const active = await db.personalAccessToken.count({
    where: { userId: actor.userId, revokedAt: null },
  });
  if (active >= MAX_ACTIVE_TOKENS)
    throw new DomainError("CONFLICT", "You have 50 active tokens: revoke one you no longer use.");
  const token = newAccessToken();
  const created = await db.personalAccessToken.create({
    data: {
      userId: actor.userId,
      name: input.name,
      scope: input.scope,
      tokenHash: hashAccessToken(token),
      prefix: token.slice(0, 10),
      expiresAt: input.expiresInDays
        ? new Date(Date.now() + input.expiresInDays * 86_400_000)
        : null,
    },
    select: tokenSelect,
  });
  return { ...created, token };
}
