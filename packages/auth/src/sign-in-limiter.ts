import type { Database } from "@tradeoff/db";
import { limitedAddress } from "./client-address";
import { counter, digest, waitOf } from "./rate-counter";

/**
 * Failed sign-in attempts, counted in PostgreSQL (table rate_limits) so every app instance
 * sees the same numbers. Addresses are limited, accounts are only slowed: a stranger failing
 * on someone's email must never lock that person out.
 * - account + address: 5 failures in 15 minutes, then that address waits out the window
 *   (a short backoff for whoever is guessing there); a successful sign-in resets it;
 * - address: 50 failures in 15 minutes (one address trying many accounts);
 * - account, from any addresses: after 20 failures in 15 minutes the account is not locked
 *   but paced: one attempt per 10 seconds, from anywhere. Its owner, from any other address,
 *   signs in after at most that brief delay; a distributed guess gets 6 tries a minute.
 * The address is the connection's own, or with TRUST_PROXY what the trusted proxies report; an
 * IPv6 address counts by its /64 (`limitedAddress`), which one host can fill with addresses.
 */
export const SIGN_IN_LIMITS = {
  accountAndAddress: { points: 5, duration: 15 * 60 },
  address: { points: 50, duration: 15 * 60 },
  account: { points: 20, duration: 15 * 60 },
  /** Seconds between two attempts on an account under attack. */
  accountPace: { points: 1, duration: 10 },
} as const;

export type SignInLimiter = {
  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(email: string, ip: string): Promise<number>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string, ip: string): Promise<void>;
};

export function createSignInLimiter(db: Database, name = "signin"): SignInLimiter {
  const accountAndAddress = counter(db, `${name}-account-ip`, SIGN_IN_LIMITS.accountAndAddress);
  const address = counter(db, `${name}-ip`, SIGN_IN_LIMITS.address);
  const account = counter(db, `${name}-account`, SIGN_IN_LIMITS.account);
  const pace = counter(db, `${name}-account-pace`, SIGN_IN_LIMITS.accountPace);
  const normal = (email: string) => email.trim().toLowerCase();
  const keys = (email: string, ip: string) => {
    const network = limitedAddress(ip);
    return {
      pair: digest(`${normal(email)}\n${network}`),
      ip: digest(network),
      account: digest(normal(email)),
    };
  };
  const underAttack = async (key: string) => waitOf(await account.get(key), account) > 0;

  return {
    async retryAfter(email, ip) {
      const k = keys(email, ip);
      const [pair, byAddress, attacked, paced] = await Promise.all([
        accountAndAddress.get(k.pair),
        address.get(k.ip),
        underAttack(k.account),
        pace.get(k.account),
      ]);
      return Math.max(
        waitOf(pair, accountAndAddress),
        waitOf(byAddress, address),
        attacked ? waitOf(paced, pace) : 0,
      );
    },
    async recordFailure(email, ip) {
      const k = keys(email, ip);
      await Promise.all([
        accountAndAddress.consume(k.pair),
        address.consume(k.ip),
        account.consume(k.account),
      ]);
      if (await underAttack(k.account)) await pace.consume(k.account);
    },
    async recordSuccess(email, ip) {
      await accountAndAddress.delete(keys(email, ip).pair);
    },
  };
}

/**
 * Checks of a signed-in member's current password (to change it, or to delete the account),
 * held by the same limits as sign-in, with the session in place of the address: 5 wrong
 * passwords in 15 minutes from one session, then it waits out the window; after 20 for one
 * account from any sessions, one check per 10 seconds. Call it with the user id and the
 * session's sign-in record id (a stolen session must not guess the password to lock others
 * out of their own account, nor guess it at leisure).
 */
export function createPasswordCheckLimiter(db: Database): SignInLimiter {
  return createSignInLimiter(db, "password-check");
}
