import { createHash } from "node:crypto";
import { type Database, statements } from "@tradeoff/db";

/**
 * Windowed counters in PostgreSQL (table rate_limits), shared by every app instance: the
 * sign-in limits and the limits on sign-ups and emailed sign-in links are built from them.
 */

/** Keys never carry the address itself: a hash is enough to count, and leaks nothing. */
export const digest = (value: string) =>
  createHash("sha256").update(value).digest("hex").slice(0, 40);

/** A counter's state: points within its window, and milliseconds until the window ends. */
export type Count = { points: number; msLeft: number };

/**
 * One named counter per limit, its windows stored in `rate_limits` through the typed statements
 * of @tradeoff/db (one atomic upsert per point, so instances never lose one).
 */
export function counter(db: Database, prefix: string, limit: { points: number; duration: number }) {
  const keyOf = (key: string) => `${prefix}:${key}`;
  const count = (row: { points: number; expire: number } | undefined, now: number): Count | null =>
    row ? { points: row.points, msLeft: row.expire - now } : null;
  return {
    limit,
    async consume(key: string): Promise<Count | null> {
      const now = Date.now();
      const [row] = await statements.consumeRateLimit(db, {
        key: keyOf(key),
        durationMs: limit.duration * 1000,
        nowMs: now,
      });
      return count(row, now);
    },
    async get(key: string): Promise<Count | null> {
      const now = Date.now();
      const [row] = await statements.readRateLimit(db, { key: keyOf(key), nowMs: now });
      return count(row, now);
    },
    async delete(key: string): Promise<void> {
      await statements.deleteRateLimit(db, { key: keyOf(key) });
    },
  };
}

export type Counter = ReturnType<typeof counter>;

/** Seconds to wait when the counter has used up its limit, else 0. */
export const waitOf = (count: Count | null, { limit }: Counter) =>
  count && count.points >= limit.points ? Math.ceil(count.msLeft / 1000) : 0;
