import { startRealtime } from "@tradeoff/api";
import { env } from "~/env";
import { db } from "./db";
import { logger } from "./logger";

let starting: Promise<unknown> | undefined;

/** How long a live subscription waits for the listener before it is told to try again later. */
const START_WAIT_MS = 5_000;

/**
 * This server instance's live updates: one LISTEN connection to the database, started on first
 * use and kept for the life of the process. Live subscriptions wait for it (at most a few
 * seconds, while the database is unreachable it keeps retrying); other requests don't.
 */
export function ensureRealtime(): Promise<unknown> {
  starting ??= startRealtime(db(), {
    url: env().DATABASE_URL,
    onError: (err) => logger.warn({ err }, "live updates: database listener problem"),
  }).then(
    (hub) => {
      logger.info({ mode: hub.mode }, "live updates ready");
      return hub;
    },
    (err: unknown) => {
      starting = undefined;
      logger.error({ err }, "live updates could not start");
    },
  );
  return Promise.race([
    starting,
    new Promise((resolve) => setTimeout(resolve, START_WAIT_MS).unref()),
  ]);
}
