import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createPrismaClient, type Database, parseDatabaseUrl } from "./client";
import { startEmbeddedPostgres } from "./embedded";
import { type Logger, migrateDatabase } from "./migrate";

export { addMember, createTeam, createUser } from "./factories";

export interface TestDatabase {
  url: string;
  db: Database;
  /** Disconnects and deletes the database (and the embedded server's files). */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file. With TEST_DATABASE_URL set, a new database
 * `tradeoff_test_<random>` on that server; otherwise an embedded PGlite in a temporary folder.
 */
export async function createTestDatabase(
  options: { log?: Logger; poolSize?: number } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const poolSize = options.poolSize ?? 5;
  if (serverUrl) {
    const parsed = parseDatabaseUrl(serverUrl, "TEST_DATABASE_URL");
    const name = `tradeoff_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    parsed.pathname = `/${name}`;
    const url = parsed.toString();
    try {
      await migrateDatabase(url, { log: options.log });
    } catch (error) {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      throw error;
    }
    const db = createPrismaClient(url, { poolSize });
    return {
      url,
      db,
      drop: once(async () => {
        await db.$disconnect();
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
    };
  }

  const dataDir = await mkdtemp(join(tmpdir(), "tradeoff-test-db-"));
  const embedded = await startEmbeddedPostgres({ dataDir });
  const cleanup = async () => {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await migrateDatabase(embedded.url, { log: options.log });
  } catch (error) {
    await cleanup();
    throw error;
  }
  const db = createPrismaClient(embedded.url, { poolSize });
  return {
    url: embedded.url,
    db,
    drop: once(async () => {
      await db.$disconnect();
      await cleanup();
    }),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= fn();
    return running;
  };
}
