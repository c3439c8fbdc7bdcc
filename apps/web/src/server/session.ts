import {
  decodeSessionToken,
  requireSecret,
  type SessionUser,
  touchSignInSession,
} from "@tradeoff/auth";
import { parseCookie } from "cookie";
import { authEnv } from "~/env";
import { db } from "./db";

/** next-auth's session cookie: the `__Secure-` name over https, the plain one over http. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * The user a session cookie names, without checking that the session is still current.
 * For the API: every procedure that needs a user checks the token version itself, inside its
 * own access query, so checking it here as well would cost each request a second round trip.
 */
export async function sessionClaimsFromCookies(
  read: (name: string) => string | undefined,
): Promise<SessionUser | null> {
  const token = SESSION_COOKIES.map(read).find(Boolean);
  const user = await decodeSessionToken(token, requireSecret(authEnv()));
  // "Last seen" for the account's list of sessions: written at most every few minutes, and
  // never waited for.
  if (user?.sessionId) void touchSignInSession(db(), user.sessionId);
  return user;
}

/** The same, from a request's `Cookie` header. */
export function sessionClaimsFromRequest(req: Request): Promise<SessionUser | null> {
  const header = req.headers.get("cookie");
  if (!header) return Promise.resolve(null);
  const cookies = parseCookie(header);
  return sessionClaimsFromCookies((name) => cookies[name]);
}
