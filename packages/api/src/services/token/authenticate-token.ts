import type { SessionUser } from "@tradeoff/auth";
import type { PrismaClient } from "@tradeoff/db";
import { hashAccessToken, TOKEN_PREFIX } from "./access-token";

export type TokenAuth = { user: SessionUser; scope: "READ" | "READ_WRITE" };
export type TokenFailure = { error: "invalid" | "revoked" | "expired" };

/** Last-used times are written at most once a minute per token: reads stay reads. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The user behind `Authorization: Bearer <token>`. The returned user carries their current
 * tokenVersion, so the API's session checks apply unchanged (and signing out everywhere does
 * not revoke tokens: revoking them is explicit).
 */
export async function authenticateToken(
  db: PrismaClient,
  token: string,
  now = new Date(),
): Promise<TokenAuth | TokenFailure> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return { error: "invalid" };
  const row = await db.personalAccessToken.findUnique({
    where: { tokenHash: hashAccessToken(token) },
    select: {
      id: true,
      scope: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, tokenVersion: true } },
    },
  });
  if (!row) return { error: "invalid" };
  if (row.revokedAt) return { error: "revoked" };
  if (row.expiresAt && row.expiresAt <= now) return { error: "expired" };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.personalAccessToken.update({
      where: { id: row.id },
      data: { lastUsedAt: now },
      select: { id: true },
    });
  }
  return {
    user: {
      id: row.user.id,
      email: row.user.email ?? "",
      name: row.user.name,
      tokenVersion: row.user.tokenVersion,
      accessTokenId: row.id,
    },
    scope: row.scope,
  };
}

/** Reads the token of an `Authorization: Bearer ...` header; null when there is none. */
export function bearerToken(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}
