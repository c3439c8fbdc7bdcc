import type { PrismaClient } from "@tradeoff/db";
import type { JobDefinition } from "@tradeoff/db/jobs";

/** Every queue the app runs, with its handler; each instance registers all of them. */
export function appJobs(_db: PrismaClient): JobDefinition[] {
  return [];
}
