import type { AttemptLimiter } from "@tradeoff/auth/attempt-limiter";
import type { Database } from "@tradeoff/db";
import type { startJobQueue } from "@tradeoff/db/jobs";
import { createTestDatabase } from "@tradeoff/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCaller } from "../src/root";
import { createContextInner } from "../src/trpc";

/** NEXTAUTH_SECRET of the in-process app: encrypts webhook secrets in tests. */
export const TEST_APP_SECRET = "test-app-secret-for-webhook-encryption";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/**
 * `it` for a test that needs connections which run at once and hear each other (LISTEN/NOTIFY).
 * The embedded database (PGlite) serves every connection from one session: these run only on a
 * PostgreSQL server (TEST_DATABASE_URL, as in CI).
 */
export const itOnPostgresServer = it.skipIf(!process.env.TEST_DATABASE_URL);

/** A fresh, migrated database for one test file, dropped when the file ends. */
export function useTestDatabase() {
  const state = {} as { database: TestDatabase };
  beforeAll(async () => {
    state.database = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await state.database?.drop();
  });
  return {
    get db() {
      return state.database.db;
    },
    /** The database's URL, for code that opens its own connections (live updates). */
    get url() {
      return state.database.url;
    },
    /**
     * A caller signed in as `user`, or signed out with null. `historyFoldSeconds` 0 keeps every
     * vote edit as its own history entry (a deployment's HISTORY_FOLD_SECONDS=0).
     */
    callerAs(
      user: {
        id: string;
        email: string | null;
        name: string | null;
        tokenVersion?: number;
        /** The sign-in record the session names (a browser session), if any. */
        sessionId?: string | null;
      } | null,
      options: {
        historyFoldSeconds?: number;
        credential?: "session" | "token";
        /** Whether the app sends email (invitation emails are queued only then). */
        emailEnabled?: boolean;
        secret?: string;
        /** The caller's network address and the sign-up limit on it (the HTTP handlers' own). */
        clientAddress?: string;
        signUpLimiter?: AttemptLimiter;
      } = {},
    ) {
      return createCaller(
        createContextInner({
          db: state.database.db,
          user: user
            ? {
                id: user.id,
                email: user.email ?? "",
                name: user.name,
                tokenVersion: user.tokenVersion ?? 0,
                sessionId: user.sessionId ?? null,
              }
            : null,
          secret: TEST_APP_SECRET,
          ...options,
        }),
      );
    },
  };
}

/** Awaits a rejected call and returns its tRPC error, failing the test if it resolved. */
/**
 * Stops a test's job worker as the app does when it shuts down: the worker finishes the jobs in
 * hand (close first what they wait on, such as a webhook receiver or a mailbox), then its
 * database client disconnects. A worker stopped without waiting leaves a job running that uses
 * the client after `$disconnect()`, which opens a new connection that outlives the test.
 */
export async function stopWorker(
  boss: Awaited<ReturnType<typeof startJobQueue>>,
  db: Database,
): Promise<void> {
  await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
  await db.$disconnect();
}

/**
 * A promise and the function that settles it: a point a test or a transaction waits at until
 * something happened or the test lets it go on. The shape of Promise.withResolvers, which
 * Node 20 does not have yet.
 */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

export async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/**
 * Sends the same creation twice at once and returns what each got: exactly one created, the
 * other refused (the test fails otherwise). For keys that make a repeat a refusal.
 */
export async function onceOfTwo<T>(
  create: () => Promise<T>,
): Promise<{ created: T; refused: unknown }> {
  const results = await Promise.allSettled([create(), create()]);
  const created = results.find((r) => r.status === "fulfilled");
  const refused = results.find((r) => r.status === "rejected");
  if (created?.status !== "fulfilled" || refused?.status !== "rejected") {
    throw new Error("one creation and one refusal expected");
  }
  return { created: created.value, refused: refused.reason };
}

/**
 * Polls `check` every `everyMs` until it holds, for work done outside the call under test
 * (job workers, document sync); fails saying how long it waited when it still does not after
 * `timeoutMs`.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 30_000, everyMs = 200 } = {},
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Condition not reached within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Sends `send` twice at once, as a double submit does, then `retry` (the same by default), as a
 * form sending again after a lost answer does: expects every answer to be the first, and
 * returns it.
 */
export async function sentTwiceThenRetried<T>(
  send: () => Promise<T>,
  retry: () => Promise<T> = send,
): Promise<T> {
  const [first, second] = await Promise.all([send(), send()]);
  const retried = await retry();
  expect(second).toEqual(first);
  expect(retried).toEqual(first);
  return first;
}
