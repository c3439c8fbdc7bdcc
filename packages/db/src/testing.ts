import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { createPrismaClient, type Database, parseDatabaseUrl } from "./client";
import { startEmbeddedPostgres } from "./embedded";
import { JOB_QUEUES, queuePolicy } from "./jobs";
import {
  defaultPrismaPaths,
  type Logger,
  listMigrations,
  migrateDatabase,
  type PrismaPaths,
} from "./migrate";

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
    return createServerDatabase(serverUrl, {
      name: "TEST_DATABASE_URL",
      prefix: "tradeoff_test",
      log: options.log,
      poolSize,
    });
  }

  const template = await migratedTemplate(options.log);
  const dataDir = await mkdtemp(join(tmpdir(), "tradeoff-test-db-"));
  await cp(join(template, "pgdata"), join(dataDir, "pgdata"), { recursive: true });
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

/**
 * A new, migrated database `<prefix>_<random>` on the PostgreSQL server at `serverUrl`, for a
 * test file or a bench run, copied from the server's template of today's migrations
 * (`serverTemplate`); `drop()` disconnects and deletes it. `name` is the setting the URL
 * came from, for the error a newcomer sees when the server cannot be reached; `paths` are the
 * schema and migrations (the repository's by default).
 */
export async function createServerDatabase(
  serverUrl: string,
  options: {
    name: string;
    prefix: string;
    log?: Logger;
    poolSize?: number;
    paths?: Partial<PrismaPaths>;
  },
): Promise<TestDatabase> {
  const parsed = parseDatabaseUrl(serverUrl, options.name);
  const name = `${options.prefix}_${randomBytes(6).toString("hex")}`;
  const paths = { ...defaultPrismaPaths(), ...options.paths };
  try {
    const template = await serverTemplate(serverUrl, paths, options.log);
    await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } catch (error) {
    throw cannotCreate(error as Error, parsed.host, options.name);
  }
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  const db = createPrismaClient(url, { poolSize: options.poolSize ?? 5 });
  return {
    url,
    db,
    drop: once(async () => {
      await db.$disconnect();
      await dropServerDatabase(serverUrl, name);
    }),
  };
}

/**
 * A database migrated up to, not including, migration `name` (a folder of prisma/migrations),
 * for a test of what that migration does to rows written before it: `migrateRest()` then applies
 * the rest, as a deployment would. On TEST_DATABASE_URL's server when set, else embedded. The
 * Prisma client is today's: use it for what the older schema already has.
 */
export async function createTestDatabaseBefore(
  name: string,
): Promise<TestDatabase & { migrateRest(): Promise<{ applied: string[] }> }> {
  const { migrationsDir } = defaultPrismaPaths();
  const all = await listMigrations(migrationsDir);
  if (!all.includes(name)) throw new Error(`No migration named "${name}" in ${migrationsDir}.`);
  const before = await mkdtemp(join(tmpdir(), "tradeoff-migrations-before-"));
  for (const folder of all.filter((folder) => folder < name)) {
    await cp(join(migrationsDir, folder), join(before, folder), { recursive: true });
  }
  await cp(join(migrationsDir, "migration_lock.toml"), join(before, "migration_lock.toml"));

  const serverUrl = process.env.TEST_DATABASE_URL;
  let url: string;
  let dropDatabase: () => Promise<void>;
  if (serverUrl) {
    const database = `tradeoff_test_${randomBytes(6).toString("hex")}`;
    await createDatabase(serverUrl, database);
    const parsed = parseDatabaseUrl(serverUrl, "TEST_DATABASE_URL");
    parsed.pathname = `/${database}`;
    url = parsed.toString();
    dropDatabase = () => dropServerDatabase(serverUrl, database);
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), "tradeoff-test-db-"));
    const embedded = await startEmbeddedPostgres({ dataDir });
    url = embedded.url;
    dropDatabase = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  try {
    await migrateDatabase(url, { migrationsDir: before });
  } catch (error) {
    await dropDatabase();
    throw error;
  } finally {
    await rm(before, { recursive: true, force: true });
  }
  const db = createPrismaClient(url, { poolSize: 2 });
  return {
    url,
    db,
    migrateRest: () => migrateDatabase(url),
    drop: once(async () => {
      await db.$disconnect();
      await dropDatabase();
    }),
  };
}

/** Creates an empty database `name` on the PostgreSQL server at `serverUrl`. */
export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`"${name}" is not a plain database name (lowercase letters, digits, _).`);
  }
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
}

/**
 * Drops database `name` of the server at `serverUrl`. Connections a test opened to it (a job
 * worker, a live-update listener, a second app instance) may still be closing when it ends: they
 * get up to `graceMs` to go, so that none is cut in the middle of its last statement (a pg client
 * without an error listener throws when the server cuts it). Whatever is left is then cut (WITH
 * FORCE) and named on stderr: a connection the test did not close.
 */
function dropServerDatabase(serverUrl: string, name: string, graceMs = 5_000) {
  return withClient(serverUrl, async (client) => {
    const openConnections = async () =>
      (
        await client.query<{ application_name: string; state: string | null; query: string }>(
          "SELECT application_name, state, left(query, 80) AS query FROM pg_stat_activity WHERE datname = $1",
          [name],
        )
      ).rows.map(
        (row) => `${row.application_name || "unnamed"}, ${row.state ?? "?"} after "${row.query}"`,
      );
    const deadline = performance.now() + graceMs;
    let open = await openConnections();
    while (open.length > 0 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      open = await openConnections();
    }
    if (open.length > 0) {
      console.error(
        `Test database ${name}: ${open.length} connection(s) still open after ${graceMs} ms, cut to drop it: ${open.join("; ")}.`,
      );
    }
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** Runs `run` on a connection of its own to `url`, closed after it. */
async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  await withClient(url, (client) => client.query(sql));
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= fn();
    return running;
  };
}

/**
 * A hash of what `migrateDatabase` makes, and of `extra`: what a template is named by. That is
 * the migrations (names and SQL) and the job queue's set-up (pg-boss's version, whose schema it
 * installs, and the app's queues with their policies), so a new queue gets a new template too.
 */
async function migrationsHash(migrationsDir: string, ...extra: Buffer[]): Promise<string> {
  const hash = createHash("sha256");
  for (const part of extra) hash.update(part);
  const require = createRequire(import.meta.url);
  const pgBoss = (require("pg-boss/package.json") as { version: string }).version;
  const queues = Object.values(JOB_QUEUES).map((name) => ({ name, ...queuePolicy(name) }));
  hash.update(JSON.stringify({ pgBoss, queues }));
  for (const name of await listMigrations(migrationsDir)) {
    hash.update(name).update(await readFile(join(migrationsDir, name, "migration.sql")));
  }
  return hash.digest("hex").slice(0, 16);
}

const serverTemplates = new Map<string, Promise<string>>();

/**
 * The name of a migrated database on the server at `serverUrl` that test databases are copied
 * from (CREATE DATABASE … TEMPLATE): a copy takes a tenth of the time that applying every
 * migration does, and a test run creates a database per test file. Named by the hash of what
 * migrating makes (`migrationsHash`), so a changed migration or queue gets a new one; built once
 * per server, under an advisory lock (test files run in parallel processes), then closed to
 * connections: PostgreSQL copies only a database nobody is connected to. Templates of older
 * migrations stay on the server; drop them with `DROP DATABASE` after
 * `ALTER DATABASE … IS_TEMPLATE false`.
 */
function serverTemplate(serverUrl: string, paths: PrismaPaths, log?: Logger): Promise<string> {
  const key = `${serverUrl}\n${paths.migrationsDir}`;
  let template = serverTemplates.get(key);
  if (!template) {
    template = buildServerTemplate(serverUrl, paths, log);
    serverTemplates.set(key, template);
    template.catch(() => serverTemplates.delete(key));
  }
  return template;
}

/** A migration that failed while a template was built: the server itself answered. */
class TemplateMigrationError extends Error {}

async function buildServerTemplate(
  serverUrl: string,
  paths: PrismaPaths,
  log?: Logger,
): Promise<string> {
  const name = `tradeoff_template_${await migrationsHash(paths.migrationsDir)}`;
  return withClient(serverUrl, async (client) => {
    // One lock for every process that builds this server's templates; released with the session.
    await client.query("SELECT pg_advisory_lock(hashtext('tradeoff test database template'))");
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      // Built under another name and renamed when complete: a run stopped halfway leaves no
      // template that looks ready.
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}"`);
      const url = parseDatabaseUrl(serverUrl, "database URL");
      url.pathname = `/${building}`;
      try {
        await migrateDatabase(url.toString(), { ...paths, log });
      } catch (error) {
        await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
        throw new TemplateMigrationError((error as Error).message, { cause: error });
      }
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      await client.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    }
    return name;
  });
}

/**
 * Why a test database could not be created, with what to do: the server is down or refuses
 * the login (start it, or point `setting` elsewhere), it refused the statement (the role may
 * not create databases), or a migration failed on it (fix the migration).
 */
function cannotCreate(error: Error, host: string, setting: string): Error {
  if (error instanceof TemplateMigrationError) {
    return new Error(
      `A migration failed while the test databases' template was built on the PostgreSQL server at ${host}: ${error.message}\nThe server is reachable; fix the migration and run the tests again.`,
      { cause: error.cause },
    );
  }
  const code = (error as { code?: unknown }).code;
  // SQLSTATE classes 08 (connection), 28 (login), 3D000 (no such database) and 57P0x (shutting
  // down, starting up) mean the connection itself failed, as a socket error (ECONNREFUSED) does.
  const sqlState = typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : null;
  if (sqlState && !/^(08|28|3D000|57P0)/.test(sqlState)) {
    const advice =
      sqlState === "42501"
        ? `Give its role the CREATEDB privilege, or set ${setting} to a server where it has it.`
        : `Set ${setting} to a server where its role may create databases.`;
    return new Error(
      `The PostgreSQL server at ${host} refused to create a test database (${error.message}; SQLSTATE ${sqlState}). ${advice}`,
      { cause: error },
    );
  }
  return new Error(
    `Cannot create a database on the PostgreSQL server at ${host} (${error.message}). Start the server or set ${setting} to one that runs.`,
    { cause: error },
  );
}

let template: Promise<string> | undefined;

/**
 * A migrated PGlite data folder shared by every embedded test database of this schema: creating
 * PGlite's files from scratch takes seconds, copying them well under one. Kept in the temporary
 * folder, keyed by the migrations and the PGlite version, and built atomically (test files run in
 * parallel processes).
 */
function migratedTemplate(log?: Logger): Promise<string> {
  template ??= (async () => {
    const require = createRequire(import.meta.url);
    const pgliteEntry = require.resolve("@electric-sql/pglite");
    const pglite = await readFile(join(dirname(pgliteEntry), "..", "package.json"));
    const dir = join(
      tmpdir(),
      `tradeoff-pglite-template-${await migrationsHash(defaultPrismaPaths().migrationsDir, pglite)}`,
    );
    if (existsSync(join(dir, "ready"))) return dir;

    const building = `${dir}.${process.pid}.${randomBytes(4).toString("hex")}`;
    try {
      const embedded = await startEmbeddedPostgres({ dataDir: building });
      try {
        await migrateDatabase(embedded.url, { log });
      } finally {
        await embedded.stop();
      }
      await writeFile(join(building, "ready"), "");
      await rename(building, dir).catch(async (error: NodeJS.ErrnoException) => {
        // Another process finished first; use theirs.
        if (!existsSync(join(dir, "ready"))) throw error;
      });
    } finally {
      await rm(building, { recursive: true, force: true });
    }
    return dir;
  })();
  template.catch(() => {
    template = undefined;
  });
  return template;
}

/**
 * Runs `run` and counts the SQL statements every node-postgres connection of this process sent
 * meanwhile (each query Prisma runs, each transaction's BEGIN and COMMIT): a test can say that a
 * request's statements do not grow with the number of projects, votes or files it reads. Runs
 * one at a time: statements of other work running concurrently are counted too.
 */
export async function countStatements<T>(
  run: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    statements.push(typeof first === "string" ? first : (first?.text ?? ""));
    return query.apply(this, args);
  };
  try {
    return { result: await run(), statements };
  } finally {
    proto.query = query;
  }
}
