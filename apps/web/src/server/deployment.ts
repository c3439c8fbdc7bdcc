import { DEMO_ACCOUNT_WARNING, demoAccountExists } from "@tradeoff/db";
import { env } from "~/env";
import { db } from "./db";

/** True for a server on its own configured database (a deployment), not a local embedded run. */
export const isDeployment = () => !env().TRADEOFF_EMBEDDED_DB;

/**
 * What an operator should know about this deployment: today, a demo account (published
 * password) on a configured database. Logged at start and reported by /api/ready.
 */
export async function deploymentWarnings(): Promise<string[]> {
  if (!isDeployment()) return [];
  return (await demoAccountExists(db())) ? [DEMO_ACCOUNT_WARNING] : [];
}
