/**
 * An app instance's job worker in its own process, for the test that kills one in the middle
 * of a delivery: `node --import tsx webhook-worker.ts` with WORKER_DATABASE_URL and
 * WORKER_APP_SECRET. Prints "ready" once it polls.
 */
import { createPrismaClient } from "@tradeoff/db";
import { startJobQueue } from "@tradeoff/db/jobs";
import { appJobs } from "../../src/jobs";
import { shortExpiry } from "./webhook-worker-settings";

const url = process.env.WORKER_DATABASE_URL;
const appSecret = process.env.WORKER_APP_SECRET;
if (!url || !appSecret) throw new Error("set WORKER_DATABASE_URL and WORKER_APP_SECRET");
const db = createPrismaClient(url, { poolSize: 2 });
await startJobQueue({
  url,
  jobs: shortExpiry(appJobs(db, null, { appSecret, appUrl: null })),
  pollingIntervalSeconds: 0.5,
});
process.stdout.write("ready\n");
