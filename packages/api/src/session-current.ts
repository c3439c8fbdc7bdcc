import type { SessionUser } from "@tradeoff/auth";

/**
 * Whether the session proving a request is still current, from the row its access query read:
 * a browser session while its sign-in record exists (signing it out, a password change
 * elsewhere, signing out everywhere or deleting the account removes it); a request without one
 * (an access token, an older session) while the account's token version is the one it carries.
 */
export function sessionCurrent(
  user: SessionUser,
  row: { tokenVersion: number; sessionLive: boolean },
): boolean {
  return user.sessionId ? row.sessionLive : row.tokenVersion === user.tokenVersion;
}
