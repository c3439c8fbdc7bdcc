import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import type { Prisma } from "./generated/prisma/client";
import { type SqlRunner, sql, statement } from "./sql";

/**
 * The durable job queue: pg-boss, storing its jobs in the app's own PostgreSQL (schema
 * `pgboss`, created and upgraded by pg-boss itself when the first instance starts). Every app
 * instance runs a worker; jobs are fetched with `FOR UPDATE SKIP LOCKED`, so each job is handled
 * by one instance at a time. A job that throws is retried with exponential backoff and, after
 * its last attempt, stays in the `failed` state (kept for inspection, never dropped).
 */

/** Where pg-boss keeps its tables. */
export const JOB_SCHEMA = "pgboss";

/** Failed jobs per queue (the schema is pg-boss's fixed one, named above). */
const failedJobsByQueue = statement<Record<string, never>, { name: string; failed: number }>(
  () =>
    sql`SELECT name, count(*)::int AS failed FROM pgboss.job
        WHERE state = 'failed' GROUP BY name ORDER BY name`,
);

/**
 * Every queue the app sends to. They exist from migration on (`prepareJobQueue`), so a job sent
 * before any worker has started is kept, never dropped for want of its queue.
 */
export const JOB_QUEUES = {
  deadlineReminder: "deadline-reminder",
  notificationEmail: "notification-email",
  dailyDigest: "daily-digest",
  digestEmail: "digest-email",
  signUpAttemptEmail: "sign-up-attempt-email",
  webhookDelivery: "webhook-delivery",
  welcomeEmail: "welcome-email",
  invitationEmail: "invitation-email",
  passwordRemovedEmail: "password-removed-email",
} as const;

/** Retries of every queue: 5 more attempts, waiting 10 s, 20 s, 40 s, ... between them. */
export const RETRY: RetryPolicy = { retryLimit: 5, retryDelay: 10, retryBackoff: true };

/**
 * Retries of the queues that send one email: 9 more attempts, waiting 10-20 s, 20-40 s, ...
 * (pg-boss's backoff with jitter), at least 85 minutes in all, so a mail server down for an
 * hour delays invitations and notifications instead of losing them.
 */
export const EMAIL_RETRY: RetryPolicy = { retryLimit: 9, retryDelay: 10, retryBackoff: true };

/**
 * How long a job sending one email may run before it counts as lost (its worker died) and runs
 * again: above the SMTP timeouts of the mail transport (10 s to connect, 10 s for the greeting,
 * 15 s per reply), instead of pg-boss's 15 minutes.
 */
export const EMAIL_JOB_EXPIRE_SECONDS = 60;

/**
 * Email jobs one worker fetches at once and sends side by side, each still its own job with its
 * own retries. One at a time, a worker that polls every 2 s sent about one email per 2 s (a
 * decision opened in a team of 200: almost 7 minutes before the last member heard of it).
 */
export const EMAIL_BATCH_SIZE = 10;

/** A webhook delivery waits 10 s for its receiver; its job counts as lost after a minute. */
export const WEBHOOK_JOB_EXPIRE_SECONDS = 60;

export type QueuePolicy = RetryPolicy & { expireInSeconds?: number };

const EMAIL_QUEUE: QueuePolicy = { ...EMAIL_RETRY, expireInSeconds: EMAIL_JOB_EXPIRE_SECONDS };

/**
 * Each queue's retries and expiry, set when the queue is created (`prepareJobQueue`) and on
 * every start. The daily digest job itself sends nothing: it queues one digest email job per
 * member (named after the member and the day, so a run repeated after its expiry queues none
 * twice), quick work that keeps the defaults; each digest email is a one-email job.
 */
export const QUEUE_POLICIES: Record<string, QueuePolicy> = {
  [JOB_QUEUES.webhookDelivery]: { ...RETRY, expireInSeconds: WEBHOOK_JOB_EXPIRE_SECONDS },
  [JOB_QUEUES.notificationEmail]: EMAIL_QUEUE,
  [JOB_QUEUES.signUpAttemptEmail]: EMAIL_QUEUE,
  [JOB_QUEUES.passwordRemovedEmail]: EMAIL_QUEUE,
  [JOB_QUEUES.welcomeEmail]: EMAIL_QUEUE,
  [JOB_QUEUES.invitationEmail]: EMAIL_QUEUE,
  [JOB_QUEUES.digestEmail]: EMAIL_QUEUE,
};

/** The policy of queue `name`: its entry in `QUEUE_POLICIES`, else `RETRY` and 15 minutes. */
export function queuePolicy(name: string): QueuePolicy {
  return QUEUE_POLICIES[name] ?? RETRY;
}

export type JobHandler<Data> = (job: { id: string; data: Data }) => Promise<void>;

/** A queue's name and its handler, registered on every instance. */
export type JobDefinition = {
  name: string;
  handle: JobHandler<never>;
  /** Override the queue's retries from `queuePolicy` (tests use short delays). */
  retry?: RetryPolicy;
  /** How many of its jobs one instance runs at once (default 1): each is a pg-boss worker. */
  workers?: number;
  /**
   * How many jobs each worker fetches at once (default 1). They run side by side, and each ends
   * on its own: one that throws is failed and retried alone, the others complete.
   */
  batchSize?: number;
  /** Also run it on this schedule (cron, UTC); pg-boss sends each slot's job once. */
  cron?: string;
  /**
   * How long one run may take before pg-boss counts it as lost (its worker died) and runs it
   * again; applies to jobs sent after the queue was set up. Default: the queue's `queuePolicy`.
   */
  expireInSeconds?: number;
};

export type RetryPolicy = { retryLimit: number; retryDelay: number; retryBackoff: boolean };

export type SendOptions = {
  /** Run the job no earlier than this moment. */
  startAfter?: Date;
  /**
   * The job's id (a UUID). A second send with the same id is ignored, so a job derived from its
   * cause (`jobId("reminder", projectId, ...)`) is enqueued once however often the cause repeats.
   */
  id?: string;
};

/**
 * Prisma's interactive transaction as pg-boss's `db` executor: a job sent through it is written
 * by the transaction's own connection, so it is committed or rolled back with the change that
 * caused it. pg-boss binds plain values (objects as JSON, which node-postgres does for it); with
 * Prisma's raw queries an object is serialised here.
 */
function transactionExecutor(tx: Prisma.TransactionClient) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const bound = values.map((value) =>
        value !== null && typeof value === "object" && !(value instanceof Date)
          ? JSON.stringify(value)
          : value,
      );
      const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...bound);
      return { rows };
    },
  };
}

/**
 * Enqueues a job inside `tx`: it exists only if the transaction commits. Returns the job's id,
 * or null when a job with the same id already exists.
 */
export async function sendInTransaction(
  tx: Prisma.TransactionClient,
  name: string,
  data: object,
  options: SendOptions = {},
): Promise<string | null> {
  const db = transactionExecutor(tx);
  // A sender needs no connection or start of its own: it only writes the job row through `db`.
  const sender = new PgBoss({ db, schema: JOB_SCHEMA });
  return sender.send(name, data, { ...options, db });
}

/**
 * Where a job stands: `state` as pg-boss keeps it (created, retry, active, completed,
 * cancelled, failed) and how many of its attempts failed so far.
 */
export type JobProgress = {
  state: "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
  failedAttempts: number;
};

/**
 * Where jobs of one queue stand, by id, from pg-boss's tables: the live jobs and the archive,
 * where pg-boss moves finished ones after a while. Read with the columns it documents for a job
 * (`getJobById` answers them), in one statement: `getJobById` itself, run through Prisma, fails
 * on the job's interval column, and asks once per job.
 */
const jobsById = statement<
  { name: string; ids: string[] },
  { id: string; state: JobProgress["state"]; retryCount: number }
>(
  ({ name, ids }) =>
    sql`SELECT id::text AS id, state::text AS state, retry_count::int AS "retryCount"
        FROM pgboss.job WHERE name = ${name} AND id = ANY(${ids}::uuid[])
        UNION ALL
        SELECT id::text, state::text, retry_count::int
        FROM pgboss.archive WHERE name = ${name} AND id = ANY(${ids}::uuid[])`,
);

/**
 * Where jobs of queue `name` stand, by id. An id with no job is left out: none was sent, or it
 * was removed long after it finished.
 */
export async function jobProgress(
  db: SqlRunner,
  name: string,
  ids: readonly string[],
): Promise<Map<string, JobProgress>> {
  const progress = new Map<string, JobProgress>();
  if (ids.length === 0) return progress;
  for (const job of await jobsById(db, { name, ids: [...ids] })) {
    // pg-boss counts retries as they start: a failure moves the job to retry (or failed), and
    // the next attempt, once fetched, raises retryCount.
    const failedAttempts =
      job.state === "retry" || job.state === "failed"
        ? job.retryCount + 1
        : job.state === "active"
          ? job.retryCount
          : 0;
    progress.set(job.id, { state: job.state, failedAttempts });
  }
  return progress;
}

export type JobQueueOptions = {
  url: string;
  jobs: JobDefinition[];
  /** How often an idle worker looks for new jobs, in seconds (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** How often this instance looks for jobs whose worker died (default: pg-boss's 2 minutes). */
  maintenanceIntervalSeconds?: number;
  onError?: (error: unknown) => void;
};

/** One instance's queue: installs pg-boss's schema if needed, creates the queues, runs workers. */
export async function startJobQueue(options: JobQueueOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.url,
    schema: JOB_SCHEMA,
    application_name: "tradeoff-jobs",
    max: 4,
    ...(options.maintenanceIntervalSeconds
      ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }
      : {}),
  });
  boss.on("error", (error) => options.onError?.(error));
  await boss.start();
  for (const job of options.jobs) {
    const policy = {
      name: job.name,
      ...queuePolicy(job.name),
      ...job.retry,
      ...(job.expireInSeconds ? { expireInSeconds: job.expireInSeconds } : {}),
    };
    // Queues are created idempotently; their retry policy is kept current on every start.
    await boss.createQueue(job.name, policy);
    await boss.updateQueue(job.name, policy);
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    const handle = job.handle as JobHandler<unknown>;
    // pg-boss runs one batch at a time per `work` call; several calls run several at once.
    for (let worker = 0; worker < (job.workers ?? 1); worker++) {
      await boss.work(
        job.name,
        {
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
          batchSize: job.batchSize ?? 1,
        },
        async (received) => {
          const [only, ...others] = received;
          if (!only) return;
          // A job alone throws as usual: pg-boss fails it (and retries it).
          if (others.length === 0) return handle({ id: only.id, data: only.data });
          const ended = await Promise.allSettled(
            received.map((one) => handle({ id: one.id, data: one.data })),
          );
          // In a batch, each job that threw is failed (and retried) on its own; pg-boss then
          // completes the batch, which only touches the jobs still active: those that succeeded.
          await Promise.all(
            ended.map((result, index) => {
              const id = received[index]?.id;
              return result.status === "rejected" && id
                ? boss.fail(job.name, id, result.reason)
                : null;
            }),
          );
        },
      );
    }
  }
  return boss;
}

/** A UUID determined by its parts: the same cause always names the same job. */
export function jobId(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  // Shaped as a version 8 (custom) UUID with the RFC 4122 variant.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((Number.parseInt(hex[16] ?? "0", 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Installs or upgrades pg-boss's schema and creates the app's queues; part of migrating the
 * database (`migrateDatabase`), so transactions can enqueue before any worker runs.
 */
export async function prepareJobQueue(url: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: url,
    schema: JOB_SCHEMA,
    application_name: "tradeoff-migrate",
    max: 1,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  try {
    for (const name of Object.values(JOB_QUEUES)) {
      await boss.createQueue(name, { name, ...queuePolicy(name) });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/**
 * Jobs that ended failed (every retry used), per queue: what `/api/ready` reports so an operator
 * sees emails or reminders that never went out. Empty before pg-boss's tables exist.
 */
export async function failedJobCounts(db: SqlRunner): Promise<Record<string, number>> {
  try {
    const rows = await failedJobsByQueue(db, {});
    return Object.fromEntries(rows.map((row) => [row.name, row.failed]));
  } catch {
    return {};
  }
}
