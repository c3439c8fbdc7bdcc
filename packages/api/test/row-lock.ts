import type { Database } from "@tradeoff/db";
import { expect } from "vitest";
import { deferred, itOnPostgresServer, until } from "./helpers";

/**
 * `it` for a test that holds a lock on one connection while requests on others wait for it.
 * The embedded database (PGlite) serves every connection from one session, where nothing ever
 * waits: these run only on a PostgreSQL server (TEST_DATABASE_URL, as in CI).
 */
export const itWithLocks = itOnPostgresServer;

/**
 * Locks a row in a transaction of its own and keeps it locked, as a request in the middle of its
 * work does (a records import holding the team, a close holding the decision). Requests sent
 * meanwhile queue behind it; `waiting(n)` resolves once `n` connections wait for a lock, and
 * `release()` ends the transaction, letting them through. This lines concurrent requests up
 * deterministically instead of hoping that two land at the same moment.
 */
export async function holdRowLock(db: Database, lock: "teams" | "projects" | "users", id: string) {
  const released = deferred();
  const locked = deferred();
  const holding = db.$transaction(
    async (tx) => {
      const rows =
        lock === "teams"
          ? await tx.$queryRaw<unknown[]>`SELECT id FROM teams WHERE id = ${id} FOR UPDATE`
          : lock === "projects"
            ? await tx.$queryRaw<unknown[]>`SELECT id FROM projects WHERE id = ${id} FOR UPDATE`
            : await tx.$queryRaw<unknown[]>`SELECT id FROM users WHERE id = ${id} FOR UPDATE`;
      if (rows.length === 0) throw new Error(`No row ${id} in ${lock} to lock.`);
      locked.resolve();
      await released.promise;
    },
    { timeout: 20_000 },
  );
  await Promise.race([locked.promise, holding]);
  return {
    /** Resolves once `count` connections of this database wait for a lock. */
    async waiting(count: number) {
      await until(async () => (await waitingForLocks(db)) >= count, {
        timeoutMs: 10_000,
        everyMs: 20,
      });
    },
    /** Ends the holding transaction (the requests queued behind it go on). */
    async release() {
      released.resolve();
      await holding;
    },
  };
}

/** How many connections to the test database wait for a lock. */
export async function waitingForLocks(db: Database): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return rows[0]?.n ?? 0;
}

/**
 * Sends `requests` while the row `id` is locked, so that every one of them queues behind the lock,
 * then lets them all through at once: a race the database decides, not the timing of the test.
 * Exactly one request may succeed (the test fails otherwise); resolves to the error the first
 * of the others ended with, for the test to say what the loser is told.
 */
export async function onceBehindLock(
  db: Database,
  lock: "teams" | "projects" | "users",
  id: string,
  requests: (() => Promise<unknown>)[],
): Promise<unknown> {
  const busy = await holdRowLock(db, lock, id);
  const results = requests.map((request) =>
    request().then(
      () => ({ succeeded: true as const }),
      (error: unknown) => ({ succeeded: false as const, error }),
    ),
  );
  await busy.waiting(requests.length);
  await busy.release();
  const settled = await Promise.all(results);
  expect(settled.filter((r) => r.succeeded)).toHaveLength(1);
  return settled.find((r) => !r.succeeded)?.error;
}

/**
 * Sends `first`, then, once it waits for the locked row `id`, `second`: both queue behind the
 * lock in that order and go on when it is released, so `second` meets what `first` left.
 * Resolves to both answers; either failing fails the test (a request that must be refused goes
 * in as `() => trpcError(...)`).
 */
export async function inTurnBehindLock<First, Second>(
  db: Database,
  lock: "teams" | "projects" | "users",
  id: string,
  first: () => Promise<First>,
  second: () => Promise<Second>,
): Promise<[First, Second]> {
  const busy = await holdRowLock(db, lock, id);
  const sentFirst = first();
  await busy.waiting(1);
  const sentSecond = second();
  await busy.waiting(2);
  await busy.release();
  return Promise.all([sentFirst, sentSecond]);
}
