import { decode } from "next-auth/jwt";
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
