import type { Prisma } from "@tradeoff/db";
import { announceAccessChanged } from "@tradeoff/db/access-changed";
import type { AuthDatabase } from "./types";

/**
 * Sign-in records: one row per sign-in, its id carried in the session JWT (`sid`). Every
 * signed-in request checks the row still exists, in the same query as its access check, so
 * deleting a row signs that browser out on its next request. The rows also let the account
 * page list where the member is signed in.
 */

/** How long a session lives without being used: the JWT's own lifetime (see options.ts). */
const IDLE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** "Last seen" is raised at most this often per session, so reads stay free of writes. */
export const LAST_SEEN_INTERVAL_MS = 5 * 60 * 1000;
const USER_AGENT_LIMIT = 300;

/** Where a sign-in came from, as the request showed it. */
export type SignInClient = { userAgent: string | null; address: string | null };

/**
 * Records a sign-in and returns its id; drops the member's sessions that ran out long ago.
 * `signedInAt` is when the browser signed in: now for a sign-in, null for a record given to a
 * session issued before sign-in records were kept (its sign-in time is unknown, and such a
 * session never counts as a recent sign-in).
 */
export async function startSignInSession(
  db: AuthDatabase,
  userId: string,
  client: SignInClient,
  signedInAt: Date | null,
): Promise<string> {
  await db.signInSession.deleteMany({
    where: { userId, lastSeenAt: { lt: new Date(Date.now() - IDLE_LIFETIME_MS) } },
  });
  const row = await db.signInSession.create({
    data: {
      userId,
      userAgent: client.userAgent?.slice(0, USER_AGENT_LIMIT) || null,
      address: client.address?.slice(0, 100) || null,
      signedInAt,
    },
    select: { id: true },
  });
  return row.id;
}

/** Which of a member's sign-in records end: all of them, all but one (the session asking), or one. */
export type SessionsToEnd = "all" | { except: string | null } | { only: string };

/**
 * Ends a member's sessions inside the transaction `tx` that causes it (signing out, the account
 * page, a password change, an address proven by an emailed link): deletes the chosen sign-in
 * records, so those sessions are refused from their next request; with `tokenVersion`, moves
 * the account's token version on, ending the sessions that carry no record; with
 * `revokeTokensAt`, revokes every personal access token still in force. When anything ended it
 * announces `access_changed` for the member in the same transaction, so draft editors opened
 * with those sessions close as soon as it commits, on every app instance.
 */
export async function endSessions(
  tx: Prisma.TransactionClient,
  userId: string,
  end: { sessions: SessionsToEnd; tokenVersion?: boolean; revokeTokensAt?: Date },
): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  if (end.tokenVersion) {
    await tx.user.update({
      where: { id: userId },
      data: { tokenVersion: { increment: 1 } },
      select: { id: true },
    });
  }
  const sessions = end.sessions;
  const { count: sessionsEnded } = await tx.signInSession.deleteMany({
    where:
      sessions === "all"
        ? { userId }
        : "only" in sessions
          ? { userId, id: sessions.only }
          : { userId, ...(sessions.except ? { id: { not: sessions.except } } : {}) },
  });
  const { count: tokensRevoked } = end.revokeTokensAt
    ? await tx.personalAccessToken.updateMany({
        where: { userId, revokedAt: null },
        data: { revokedAt: end.revokeTokensAt },
      })
    : { count: 0 };
  if (end.tokenVersion || sessionsEnded > 0 || tokensRevoked > 0) {
    await announceAccessChanged(tx, { userId, teamId: null });
  }
  return { sessionsEnded, tokensRevoked };
}

/**
 * Ends one of the member's sessions (its browser signed out, or "End session" on the account
 * page): refused from its next request, its open draft editors closed at once. False when it
 * had already ended.
 */
export async function endSignInSession(
  db: AuthDatabase,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  const { sessionsEnded } = await db.$transaction((tx) =>
    endSessions(tx, userId, { sessions: { only: sessionId } }),
  );
  return sessionsEnded > 0;
}

const lastTouched = new Map<string, number>();
const TOUCHED_LIMIT = 10_000;

/**
 * Raises a session's "last seen", at most once per LAST_SEEN_INTERVAL_MS per process. Never
 * throws: a missed update only makes "last seen" older.
 */
export async function touchSignInSession(db: AuthDatabase, sessionId: string): Promise<void> {
  const now = Date.now();
  const previous = lastTouched.get(sessionId);
  if (previous !== undefined && now - previous < LAST_SEEN_INTERVAL_MS) return;
  if (lastTouched.size >= TOUCHED_LIMIT) lastTouched.clear();
  lastTouched.set(sessionId, now);
  await db.signInSession
    .updateMany({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } })
    .catch(() => undefined);
}

/** The member's sessions still in use, newest first (for the account page). */
export function listSignInSessions(db: AuthDatabase, userId: string) {
  return db.signInSession.findMany({
    where: { userId, lastSeenAt: { gte: new Date(Date.now() - IDLE_LIFETIME_MS) } },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, userAgent: true, address: true, createdAt: true, lastSeenAt: true },
  });
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\//, "Opera"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bHeadlessChrome\//, "Chrome (headless)"],
  [/\bChrome\/|\bCriOS\/|\bChromium\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/^curl\//, "curl"],
];
const SYSTEMS: [RegExp, string][] = [
  [/\bAndroid\b/, "Android"],
  [/\biPhone\b|\biPad\b|\biPod\b/, "iOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

/**
 * "Firefox on Linux" from a User-Agent header, for people to recognise their devices. Only
 * the common browsers and systems are named; anything else reads "Unknown browser".
 */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown browser";
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? (system ? `A browser on ${system}` : "Unknown browser");
}
