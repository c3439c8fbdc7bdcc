import { decode, encode } from "next-auth/jwt";
import type { SessionUser } from "./types";

/**
 * Tokens already decrypted in this process, with the user they carry and when they expire.
 * A session token is sent with every request; decrypting it (key derivation, then AES-GCM)
 * each time costs more than the rest of a small request. The same string always decodes to
 * the same payload, and a changed byte is a different string, so nothing weaker is accepted.
 */
const decoded = new Map<string, { secret: string; user: SessionUser; expiresAt: number }>();
const DECODED_LIMIT = 10_000;

/**
 * Reads the signed-in user from the session cookie's JWT without a database round trip.
 * Returns null for a missing, expired or tampered token.
 */
export async function decodeSessionToken(
  token: string | undefined,
  secret: string,
): Promise<SessionUser | null> {
  if (!token) return null;
  const known = decoded.get(token);
  if (known && known.secret === secret) {
    if (Date.now() < known.expiresAt) return known.user;
    decoded.delete(token);
    return null;
  }
  try {
    const payload = await decode({ token, secret });
    if (!payload?.sub) return null;
    const user = {
      id: payload.sub,
      email: typeof payload.email === "string" ? payload.email : "",
      name: typeof payload.name === "string" ? payload.name : null,
      // Sessions issued before token versions existed carry none; version 0 is every user's first.
      tokenVersion: typeof payload.tv === "number" ? payload.tv : 0,
      sessionId: typeof payload.sid === "string" ? payload.sid : null,
    };
    if (typeof payload.exp === "number") {
      if (decoded.size >= DECODED_LIMIT) decoded.clear();
      decoded.set(token, { secret, user, expiresAt: payload.exp * 1000 });
    }
    return user;
  } catch {
    return null;
  }
}

/**
 * Issues a session token for a user, exactly as signing in would (same claims, same
 * encryption). For tools that act as signed-in users: benchmarks and load tests. With a
 * `sessionId` (a SignInSession row's id) the token is checked against that record.
 */
export async function encodeSessionToken(
  user: {
    id: string;
    email: string;
    name: string | null;
    tokenVersion?: number;
    sessionId?: string | null;
  },
  secret: string,
  maxAgeSeconds = 12 * 60 * 60,
): Promise<string> {
  return encode({
    token: {
      sub: user.id,
      email: user.email,
      name: user.name,
      tv: user.tokenVersion ?? 0,
      ...(user.sessionId ? { sid: user.sessionId } : {}),
    },
    secret,
    maxAge: maxAgeSeconds,
  });
}
