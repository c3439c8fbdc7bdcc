import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { startEmbeddedPostgres } from "../src/embedded";
import { defaultPrismaPaths } from "../src/migrate";
import { createTestDatabase, type TestDatabase } from "../src/testing";

/** An empty database (no migrations): on TEST_DATABASE_URL's server when set, else embedded. */
export async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `tradeoff_test_${randomBytes(6).toString("hex")}`;
    await admin(serverUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), "tradeoff-db-test-"));
  const embedded = await startEmbeddedPostgres({ dataDir });
  return {
    url: embedded.url,
    drop: async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function admin(url: string, sql: string): Promise<void> {
  await query(url, sql);
}

/**
 * A fresh, migrated database for the tests of the describe block (or file) it is called in,
 * dropped after them.
 */
export function useTestDatabase(options: { poolSize?: number } = {}) {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(options);
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  });
  const created = () => {
    if (!database) throw new Error("The test database was not created.");
    return database;
  };
  return {
    get db() {
      return created().db;
    },
    get url() {
      return created().url;
    },
  };
}

/**
 * Runs `use` with a copy of the repository's migrations and one more, `name` holding `sql`, in a
 * temporary folder removed afterwards.
 */
export async function withExtraMigration<T>(
  name: string,
  sql: string,
  use: (migrationsDir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "tradeoff-migrations-"));
  try {
    const migrationsDir = join(dir, "migrations");
    await cp(defaultPrismaPaths().migrationsDir, migrationsDir, { recursive: true });
    await mkdir(join(migrationsDir, name));
    await writeFile(join(migrationsDir, name, "migration.sql"), sql);
    return await use(migrationsDir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
