import { decode, encode } from "next-auth/jwt";
import type { SessionUser } from "./types";

/**
 * Reads the signed-in user from the session cookie's JWT without a database round trip.
 * Returns null for a missing, expired or tampered token.
 */
export async function decodeSessionToken(
  token: string | undefined,
  secret: string,
): Promise<SessionUser | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret });
    if (!payload?.sub) return null;
    return {
      id: payload.sub,
      email: typeof payload.email === "string" ? payload.email : "",
      name: typeof payload.name === "string" ? payload.name : null,
      // Sessions issued before token versions existed carry none; version 0 is every user's first.
      tokenVersion: typeof payload.tv === "number" ? payload.tv : 0,
    };
  } catch {
    return null;
  }
}

/**
 * Issues a session token for a user, exactly as signing in would (same claims, same
 * encryption). For tools that act as signed-in users: benchmarks and load tests.
 */
export async function encodeSessionToken(
  user: { id: string; email: string; name: string | null; tokenVersion?: number },
  secret: string,
  maxAgeSeconds = 12 * 60 * 60,
): Promise<string> {
  return encode({
    token: { sub: user.id, email: user.email, name: user.name, tv: user.tokenVersion ?? 0 },
    secret,
    maxAge: maxAgeSeconds,
  });
}
