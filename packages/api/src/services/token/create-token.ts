import type { PrismaClient } from "@tradeoff/db";
import { isUniqueViolation } from "../../database-errors";
import { DomainError } from "../../errors";
import { hashAccessToken, newAccessToken } from "./access-token";
import { tokenSelect } from "./list-tokens";

const MAX_ACTIVE_TOKENS = 50;

/**
 * The answer to a key already used: the token exists, but its secret was shown only in the
 * first answer and only its hash is kept.
 */
function alreadyCreated(token: { name: string; prefix: string }) {
  return new DomainError(
    "CONFLICT",
    `The token “${token.name}” (${token.prefix}…) was already created by an earlier attempt; its secret is shown only once and cannot be shown again. Revoke it if you did not copy it, and create a new one.`,
  );
}

/** The user's token created with this key, if any. */
function tokenWithKey(db: PrismaClient, userId: string, key: string) {
  return db.personalAccessToken.findUnique({
    where: { userId_clientKey: { userId, clientKey: key } },
    select: { name: true, prefix: true },
  });
}

/**
 * Creates a personal access token; the token itself is returned this once and never again.
 * With an idempotency key, a second request with the same key (a double click, a retry after a
 * lost answer) creates nothing and is refused with CONFLICT: the secret cannot be answered twice.
 */
export async function createToken(
  db: PrismaClient,
  actor: { userId: string },
  input: {
    name: string;
    scope: "READ" | "READ_WRITE";
    expiresInDays?: number | null;
    idempotencyKey?: string | undefined;
  },
) {
  const clientKey = input.idempotencyKey ?? null;
  const earlier = clientKey ? await tokenWithKey(db, actor.userId, clientKey) : null;
  if (earlier) throw alreadyCreated(earlier);
  const token = newAccessToken();
  const created = await db
    .$transaction(async (tx) => {
      // One creation per person at a time, so two at once cannot both pass the limit.
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`access-tokens:${actor.userId}`}))::text`;
      const active = await tx.personalAccessToken.count({
        where: { userId: actor.userId, revokedAt: null },
      });
      if (active >= MAX_ACTIVE_TOKENS)
        throw new DomainError(
          "CONFLICT",
          "You have 50 active tokens: revoke one you no longer use.",
        );
      return tx.personalAccessToken.create({
        data: {
          userId: actor.userId,
          name: input.name,
          scope: input.scope,
          tokenHash: hashAccessToken(token),
          prefix: token.slice(0, 10),
          expiresAt: input.expiresInDays
            ? new Date(Date.now() + input.expiresInDays * 86_400_000)
            : null,
          clientKey,
        },
        select: tokenSelect,
      });
    })
    .catch(async (error: unknown) => {
      // Two requests with one key at once: the unique index keeps the first, the other says so.
      const first =
        clientKey && isUniqueViolation(error)
          ? await tokenWithKey(db, actor.userId, clientKey)
          : null;
      if (first) throw alreadyCreated(first);
      throw error;
    });
  return { ...created, token };
}
