import { appJobs } from "@tradeoff/api";
import { startJobQueue } from "@tradeoff/db/jobs";
import { env } from "~/env";
import { db } from "./db";
import { logger } from "./logger";

type Queue = Awaited<ReturnType<typeof startJobQueue>>;

let running: Promise<Queue | undefined> | undefined;
let stopRegistered = false;

/**
 * This instance's worker of the durable job queue (reminders and other side effects that leave
 * the request), started with the server. Until it starts, jobs wait in the database: another
 * instance, or this one once the database is reachable, runs them. It stops on SIGTERM/SIGINT,
 * letting a job in progress finish for a few seconds; one cut short runs again later.
 */
export function startBackgroundJobs(): void {
  if (running) return;
  if (!stopRegistered) {
    stopRegistered = true;
    process.once("SIGTERM", () => void stopBackgroundJobs());
    process.once("SIGINT", () => void stopBackgroundJobs());
  }
  running = startJobQueue({
    url: env().DATABASE_URL,
    jobs: appJobs(db()),
    onError: (err) => logger.warn({ err }, "job queue problem"),
  }).then(
    (queue) => {
      logger.info("job queue ready");
      return queue;
    },
    (err: unknown) => {
      logger.error({ err }, "job queue could not start; retrying in 10 s");
      running = undefined;
      setTimeout(startBackgroundJobs, 10_000).unref();
      return undefined;
    },
  );
}

/** Stops this instance's worker: a job in progress gets a few seconds, one cut short runs again. */
async function stopBackgroundJobs(): Promise<void> {
  const queue = await running;
  await queue?.stop({ graceful: true, timeout: 4_000, wait: true });
}
