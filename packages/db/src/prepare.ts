import pg from "pg";
import { createPrismaClient, parseDatabaseUrl } from "./client";
import { startEmbeddedPostgres } from "./embedded";
import { type Logger, migrateDatabase } from "./migrate";
import { type SeedDemoOptions, type SeedDemoResult, seedDemo } from "./seed";

/** DATABASE_URL points at a server that could not be reached or refused the connection. */
export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
  constructor(
    readonly host: string,
    readonly port: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export interface PrepareDatabaseOptions {
  log?: Logger;
  /** An external PostgreSQL server; default process.env.DATABASE_URL. Unset: embedded database. */
  databaseUrl?: string;
  /** Embedded database folder; default `.data/pglite` at the repository root. */
  dataDir?: string;
  /** Embedded database port; default any free port. */
  port?: number;
  /** Milliseconds to wait for an external server. Default 5000. */
  connectTimeoutMs?: number;
  /** Seed the demo user and team after migrating. */
  seed?: SeedDemoOptions;
}

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  /** Set when `seed` was given. */
  seeded?: SeedDemoResult;
  /** Stops the embedded database; does nothing for an external one. */
  stop(): Promise<void>;
}

/** Connects once to check the server answers; throws DatabaseUnreachableError in one line. */
export async function assertReachable(url: string, timeoutMs = 5_000): Promise<void> {
  const parsed = parseDatabaseUrl(url);
  const host = parsed.hostname;
  const port = Number(parsed.port || 5432);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const err = error as { code?: string; message?: string };
    const detail = (err.message ?? String(error)).replace(/\s+/g, " ").trim();
    const where = `${host}:${port}`;
    if (err.code === "28P01" || err.code === "28000") {
      throw new DatabaseUnreachableError(
        host,
        port,
        err.code,
        `PostgreSQL at ${where} rejected the credentials (${detail}). Check the user and password in DATABASE_URL.`,
      );
    }
    if (err.code === "3D000") {
      throw new DatabaseUnreachableError(
        host,
        port,
        err.code,
        `PostgreSQL at ${where} has no such database (${detail}). Create it or fix the database name in DATABASE_URL.`,
      );
    }
    const reason = err.code ?? (/timeout/i.test(detail) ? "timed out" : detail);
    throw new DatabaseUnreachableError(
      host,
      port,
      reason,
      `Cannot reach PostgreSQL at ${where} (${reason}). Check DATABASE_URL and that the server is running.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Gets a migrated database ready for the app: the server in DATABASE_URL when set (checked to be
 * reachable), otherwise the embedded one. Optionally seeds the demo data.
 */
export async function prepareDatabase(
  options: PrepareDatabaseOptions = {},
): Promise<PreparedDatabase> {
  const log = options.log ?? (() => {});
  const external = options.databaseUrl ?? process.env.DATABASE_URL;
  let prepared: Omit<PreparedDatabase, "seeded">;
  if (external) {
    await assertReachable(external, options.connectTimeoutMs);
    prepared = { url: external, embedded: false, stop: async () => {} };
    const { hostname, port } = new URL(external);
    log(`Using PostgreSQL at ${hostname}:${port || 5432}.`);
  } else {
    const started = performance.now();
    const embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port });
    prepared = { url: embedded.url, embedded: true, stop: embedded.stop };
    log(
      `Embedded PostgreSQL (PGlite) on port ${embedded.port}, data in ${embedded.dataDir} (${Math.round(performance.now() - started)} ms).`,
    );
  }

  try {
    await migrateDatabase(prepared.url, { log });
    if (!options.seed) return prepared;
    const db = createPrismaClient(prepared.url, { poolSize: 2 });
    try {
      const seeded = await seedDemo(db, options.seed);
      if (seeded.created) log(`Demo user created: ${seeded.email} / ${seeded.password}`);
      return { ...prepared, seeded };
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    await prepared.stop();
    throw error;
  }
}
