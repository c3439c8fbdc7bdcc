import { type Database, getDb } from "@tradeoff/db";
import { env } from "~/env";

/** The server's database client: one pool per process, created on first use. */
export function db(): Database {
  env();
  return getDb();
}
