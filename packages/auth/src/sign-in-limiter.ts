import { createHash } from "node:crypto";
import type { Database } from "@tradeoff/db";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";

/**
 * Failed sign-in attempts, counted in PostgreSQL (table rate_limits) so every app instance
 * sees the same numbers. Three counters, each over a short window, so an attacker cannot lock
 * a real person out for long:
 * - account + IP: 10 failures in 15 minutes; a successful sign-in resets it;
 * - IP: 100 failures in 15 minutes (one address trying many accounts);
 * - account: 50 failures in 15 minutes from any addresses (a distributed guess at one account).
 * While any counter is full, sign-in answers 429 until its window ends.
 */
export const SIGN_IN_LIMITS = {
  accountAndIp: { points: 10, duration: 15 * 60 },
  ip: { points: 100, duration: 15 * 60 },
  account: { points: 50, duration: 15 * 60 },
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
  const counters = [
    {
      limiter: limiter("signin-account-ip", SIGN_IN_LIMITS.accountAndIp),
      points: SIGN_IN_LIMITS.accountAndIp.points,
      key: (email: string, ip: string) => digest(`${email}\n${ip}`),
    },
    {
      limiter: limiter("signin-ip", SIGN_IN_LIMITS.ip),
      points: SIGN_IN_LIMITS.ip.points,
      key: (_email: string, ip: string) => digest(ip),
    },
    {
      limiter: limiter("signin-account", SIGN_IN_LIMITS.account),
      points: SIGN_IN_LIMITS.account.points,
      key: (email: string) => digest(email),
    },
  ];
  const normal = (email: string) => email.trim().toLowerCase();

  return {
    async retryAfter(email, ip) {
      const states = await Promise.all(
        counters.map(async ({ limiter, points, key }) => {
          const res = await limiter.get(key(normal(email), ip));
          return res && res.consumedPoints >= points ? Math.ceil(res.msBeforeNext / 1000) : 0;
        }),
      );
      return Math.max(0, ...states);
    },
    async recordFailure(email, ip) {
      await Promise.all(
        counters.map(({ limiter, key }) =>
          // A full counter rejects with its state; that is the block itself, not an error.
          limiter.consume(key(normal(email), ip)).catch((rejection: unknown) => {
            if (rejection instanceof Error) throw rejection;
            return rejection as RateLimiterRes;
          }),
        ),
      );
    },
    async recordSuccess(email, ip) {
      const first = counters[0];
      if (first) await first.limiter.delete(first.key(normal(email), ip));
    },
  };
}
