import "server-only";
import { startRealtime } from "@tradeoff/api";
import { env } from "~/env";
import { db } from "./db";
import { logger } from "./logger";

let starting: Promise<unknown> | undefined;

/**
 * This server instance's live updates: one LISTEN connection to the database, started on first
 * use and kept for the life of the process. Live subscriptions wait for it; other requests don't.
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
  return starting;
}
