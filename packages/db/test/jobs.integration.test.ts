import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failedJobCounts, JOB_QUEUES, jobId, sendInTransaction, startJobQueue } from "../src/jobs";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let database: TestDatabase;
const db = () => database.db;
const url = () => database.url;
const running: PgBoss[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await Promise.all(running.map((boss) => boss.stop({ graceful: false, wait: true })));
  await database?.drop();
});

/** A job queue instance running `jobs` on the test database, polling twice a second; stopped after the tests. */
async function runningQueue(jobs: Parameters<typeof startJobQueue>[0]["jobs"]) {
  const boss = await startJobQueue({ url: url(), pollingIntervalSeconds: 0.5, jobs });
  running.push(boss);
  return boss;
}

async function until(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("condition not reached in time");
}

describe("durable job queue", () => {
  it("runs an email job whose worker died again within a minute, and retries for over an hour", async () => {
    // The queues exist from migration on; an instance starting keeps their policy.
    const boss = await runningQueue([{ name: JOB_QUEUES.invitationEmail, handle: async () => {} }]);
    for (const name of [
      JOB_QUEUES.invitationEmail,
      JOB_QUEUES.notificationEmail,
      JOB_QUEUES.welcomeEmail,
      JOB_QUEUES.signUpAttemptEmail,
      JOB_QUEUES.passwordRemovedEmail,
    ]) {
      const queue = await boss.getQueue(name);
      // None set means pg-boss's 15 minutes.
      expect(queue?.expireInSeconds ?? 15 * 60, name).toBeLessThanOrEqual(60);
      // Backoff waits at least retryDelay * (2^retryLimit - 1) seconds in all.
      const { retryDelay = 0, retryLimit = 0 } = queue ?? {};
      expect(retryDelay * (2 ** retryLimit - 1), name).toBeGreaterThan(3600);
    }
  });

  it("runs each job once across two instances, and only jobs whose transaction committed", async () => {
    const handled: { instance: string; n: number }[] = [];
    const instance = (name: string) =>
      runningQueue([
        {
          name: "test-once",
          handle: async (job: { data: { n: number } }) => {
            handled.push({ instance: name, n: job.data.n });
          },
        },
      ]);
    await instance("a");
    await instance("b");

    for (let n = 0; n < 20; n++) {
      await db().$transaction((tx) => sendInTransaction(tx, "test-once", { n }));
    }
    // A transaction that rolls back takes its job with it.
    await expect(
      db().$transaction(async (tx) => {
        await sendInTransaction(tx, "test-once", { n: 999 });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    await until(async () => handled.length >= 20);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(handled.map((h) => h.n).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, n) => n),
    );
    expect(handled.some((h) => h.n === 999)).toBe(false);
    // Both instances took part (each fetches one job at a time).
    expect(new Set(handled.map((h) => h.instance)).size).toBe(2);
  });

  it("enqueues a job named by its cause only once", async () => {
    const id = jobId("test", "project-1", "24h");
    // The same cause, enqueued twice (as a retried request would).
    const enqueue = () =>
      db().$transaction((tx) =>
        sendInTransaction(
          tx,
          "test-once",
          { n: 1 },
          { id, startAfter: new Date(Date.now() + 3_600_000) },
        ),
      );
    const first = await enqueue();
    const second = await enqueue();
    expect(first).toBe(id);
    expect(second).toBeNull();
  });

  it("retries a failing job with backoff and leaves it visibly failed", async () => {
    let attempts = 0;
    const boss = await runningQueue([
      {
        name: "test-failing",
        retry: { retryLimit: 2, retryDelay: 1, retryBackoff: true },
        handle: async () => {
          attempts++;
          throw new Error("the receiver is down");
        },
      },
    ]);
    const id = await db().$transaction((tx) => sendInTransaction(tx, "test-failing", { n: 1 }));
    expect(id).not.toBeNull();
    await until(
      async () => (await boss.getJobById("test-failing", id ?? ""))?.state === "failed",
      30_000,
    );
    const job = await boss.getJobById("test-failing", id ?? "");
    expect(attempts).toBe(3);
    expect(job?.retryCount).toBe(2);
    expect(JSON.stringify(job?.output)).toContain("the receiver is down");
    // What /api/ready reports to operators: failed jobs per queue.
    expect(await failedJobCounts(db())).toMatchObject({ "test-failing": 1 });
  }, 40_000);

  it("runs a batch of jobs side by side, each retried on its own: one failing is retried alone, the others run once", async () => {
    const runs = new Map<number, number>();
    let inFlight = 0;
    let mostAtOnce = 0;
    const boss = await runningQueue([
      {
        name: "test-batch",
        batchSize: 6,
        retry: { retryLimit: 2, retryDelay: 1, retryBackoff: false },
        handle: async (job: { data: { n: number } }) => {
          const { n } = job.data;
          runs.set(n, (runs.get(n) ?? 0) + 1);
          inFlight++;
          mostAtOnce = Math.max(mostAtOnce, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 300));
          inFlight--;
          // Job 3's first attempt fails (a mail server refusing that one message).
          if (n === 3 && runs.get(n) === 1) throw new Error("refused this one");
        },
      },
    ]);
    // Queued in one transaction, so the worker's first fetch finds them all.
    const ids = await db().$transaction(async (tx) => {
      const sent: (string | null)[] = [];
      for (let n = 0; n < 6; n++) sent.push(await sendInTransaction(tx, "test-batch", { n }));
      return sent;
    });
    const states = async () =>
      Promise.all(ids.map(async (id) => (await boss.getJobById("test-batch", id ?? ""))?.state));
    await until(async () => (await states()).every((state) => state === "completed"), 20_000);
    expect(mostAtOnce).toBeGreaterThan(1);
    expect(Object.fromEntries(runs)).toEqual({ 0: 1, 1: 1, 2: 1, 3: 2, 4: 1, 5: 1 });
    const failedOnce = await boss.getJobById("test-batch", ids[3] ?? "");
    expect(failedOnce?.retryCount).toBe(1);
  }, 40_000);
});
