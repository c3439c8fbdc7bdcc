import { createHash } from "node:crypto";
import type { Database } from "@tradeoff/db";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";

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
 * The address is the connection's own, or with TRUST_PROXY what the trusted proxies report.
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

/**
 * rate-limiter-flexible speaks to a node-postgres-like `query({ text, values })`; this runs
 * those statements through the app's Prisma client, so no second connection pool is opened.
 */
function prismaQueryClient(db: Database) {
  return {
    async query({ text, values = [] }: { text: string; values?: unknown[] }) {
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
      const plain = Array.isArray(rows)
        ? rows.map((row) =>
            Object.fromEntries(
              Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]),
            ),
          )
        : [];
      return { rows: plain, rowCount: plain.length };
    },
  };
}

/** Keys never carry the address itself: a hash is enough to count, and leaks nothing. */
const digest = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 40);

export function createSignInLimiter(db: Database): SignInLimiter {
  const storeClient = prismaQueryClient(db);
  const limiter = (keyPrefix: string, limit: { points: number; duration: number }) =>
    new RateLimiterPostgres({
      storeClient,
      storeType: "prisma-query",
      tableName: "rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix,
      ...limit,
    });
  const accountAndAddress = limiter("signin-account-ip", SIGN_IN_LIMITS.accountAndAddress);
  const address = limiter("signin-ip", SIGN_IN_LIMITS.address);
  const account = limiter("signin-account", SIGN_IN_LIMITS.account);
  const pace = limiter("signin-account-pace", SIGN_IN_LIMITS.accountPace);
  const normal = (email: string) => email.trim().toLowerCase();
  const keys = (email: string, ip: string) => ({
    pair: digest(`${normal(email)}\n${ip}`),
    ip: digest(ip),
    account: digest(normal(email)),
  });
  const waitOf = (res: RateLimiterRes | null, points: number) =>
    res && res.consumedPoints >= points ? Math.ceil(res.msBeforeNext / 1000) : 0;
  // A full counter rejects with its state; that is the limit itself, not an error.
  const consume = (counter: RateLimiterPostgres, key: string) =>
    counter.consume(key).catch((rejection: unknown) => {
      if (rejection instanceof Error) throw rejection;
      return rejection as RateLimiterRes;
    });
  const underAttack = async (key: string) =>
    waitOf(await account.get(key), SIGN_IN_LIMITS.account.points) > 0;

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
        waitOf(pair, SIGN_IN_LIMITS.accountAndAddress.points),
        waitOf(byAddress, SIGN_IN_LIMITS.address.points),
        attacked ? waitOf(paced, SIGN_IN_LIMITS.accountPace.points) : 0,
      );
    },
    async recordFailure(email, ip) {
      const k = keys(email, ip);
      await Promise.all([
        consume(accountAndAddress, k.pair),
        consume(address, k.ip),
        consume(account, k.account),
      ]);
      if (await underAttack(k.account)) await consume(pace, k.account);
    },
    async recordSuccess(email, ip) {
      await accountAndAddress.delete(keys(email, ip).pair);
    },
  };
}
