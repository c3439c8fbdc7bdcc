import type { Database } from "@tradeoff/db";
import { limitedAddress } from "./client-address";
import { type Count, counter, digest } from "./rate-counter";

/**
 * Limits on what anyone may ask for without signing in, where each request costs the server
 * (a scrypt hash) or someone's inbox (an email): sign-ups, and emailed sign-in links. Unlike
 * failed sign-ins, every attempt counts, successful or not: `SIGN_UP_LIMIT` (default 10) from
 * one address per hour, for each of the two. Counted in PostgreSQL (table rate_limits), shared
 * by every instance. Only addresses are limited, never an email address, so a stranger cannot
 * keep anyone from signing up or receiving a link. The address is the connection's own, or
 * with TRUST_PROXY what the trusted proxies report; an IPv6 address counts by its /64
 * (`limitedAddress`).
 */
export const ATTEMPT_LIMITS = {
  /** Attempts from one address per window, unless SIGN_UP_LIMIT says otherwise. */
  addressPoints: 10,
  /** Seconds. */
  window: 60 * 60,
} as const;

export type AttemptLimiter = {
  /**
   * Counts one attempt from `ip` and answers 0 when it may go ahead, or the seconds until the
   * next one may (the attempt is then refused).
   */
  attempt(ip: string): Promise<number>;
};

/** Seconds until the window ends, once the attempt just counted went over its limit. */
const waitAfter = (count: Count | null, limit: number) =>
  count && count.points > limit ? Math.max(1, Math.ceil(count.msLeft / 1000)) : 0;

function createAttemptLimiter(db: Database, name: string, perHour: number): AttemptLimiter {
  const address = counter(db, `${name}-ip`, { points: perHour, duration: ATTEMPT_LIMITS.window });
  return {
    async attempt(ip) {
      return waitAfter(await address.consume(digest(limitedAddress(ip))), perHour);
    },
  };
}

/** Sign-ups: each hashes a password, so one address may try `perHour` times an hour. */
export function createSignUpLimiter(
  db: Database,
  perHour: number = ATTEMPT_LIMITS.addressPoints,
): AttemptLimiter {
  return createAttemptLimiter(db, "signup", perHour);
}

/** Emailed sign-in links: each sends an email, so one address may ask `perHour` times an hour. */
export function createEmailLinkLimiter(
  db: Database,
  perHour: number = ATTEMPT_LIMITS.addressPoints,
): AttemptLimiter {
  return createAttemptLimiter(db, "emaillink", perHour);
}

/** "Try again in 12 minutes.": how a wait is told to a person. */
export function waitSentence(seconds: number): string {
  if (seconds < 60) {
    const s = Math.max(1, Math.ceil(seconds));
    return `Try again in ${s} ${s === 1 ? "second" : "seconds"}.`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
