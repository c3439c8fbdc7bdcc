import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";

export type Database = PrismaClient;

export interface CreatePrismaClientOptions {
  /** Connections in this client's pool. Default 10, or DATABASE_POOL_SIZE when set. */
  poolSize?: number;
  /** Milliseconds to wait for a new connection before failing. Default 5000. */
  connectionTimeoutMs?: number;
}

export class DatabaseUrlError extends Error {
  override name = "DatabaseUrlError";
}

/** Checks that `url` is a postgres:// or postgresql:// URL with a host; returns it parsed. */
export function parseDatabaseUrl(url: string | undefined, variable = "DATABASE_URL"): URL {
  if (!url || url.trim() === "") {
    throw new DatabaseUrlError(
      `${variable} is not set. Set it to a PostgreSQL URL like postgres://user:password@localhost:5432/tradeoff.`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError(
      `${variable} is not a valid URL. Expected postgres://user:password@host:5432/database.`,
    );
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new DatabaseUrlError(
      `${variable} must start with postgres:// or postgresql:// (got ${parsed.protocol}//).`,
    );
  }
  if (!parsed.hostname) {
    throw new DatabaseUrlError(
      `${variable} has no host. Expected postgres://user:password@host:5432/database.`,
    );
  }
  return parsed;
}

/**
 * DATABASE_POOL_SIZE: connections per app instance, 10 when unset or empty. Anything but a
 * whole number from 1 to 10000 is refused, saying so, rather than quietly replaced by 10.
 */
export function readPoolSize(source: Record<string, string | undefined> = process.env): number {
  const raw = source.DATABASE_POOL_SIZE?.trim() ?? "";
  if (raw === "") return 10;
  if (!/^[1-9][0-9]{0,4}$/.test(raw) || Number(raw) > 10_000) {
    throw new DatabaseUrlError(
      `DATABASE_POOL_SIZE must be a whole number of connections from 1 to 10000, such as 10 (got "${source.DATABASE_POOL_SIZE}").`,
    );
  }
  return Number(raw);
}

/**
 * The `application_name` in the URL of the embedded database (embedded.ts). PGlite serves every
 * client connection from one PostgreSQL session, where a statement one connection prepared
 * already exists for the next ("prepared statement … already exists"), so on it statements stay
 * unnamed.
 */
export const EMBEDDED_APPLICATION_NAME = "tradeoff-embedded";

/**
 * Names each statement after its SQL text, so that node-postgres prepares it once per connection
 * (PostgreSQL parses and plans it the first time) and afterwards only binds and executes it;
 * without a name, every query is parsed and planned again each time it runs. The recommendation's
 * read runs a long freshness check on every request: on the bench's 2-core machine, reads went
 * from about 1,300 to about 1,950 per second with names (README, Benchmarks). The name is a hash
 * of the text: the same text always has the same name, different texts never share one. A
 * connection pooler in transaction mode in front of PostgreSQL must support prepared statements
 * (PgBouncer 1.21 or later, with `max_prepared_statements` set).
 */
function statementNameGenerator(query: { sql: string }): string {
  let name = statementNames.get(query.sql);
  if (name === undefined) {
    name = `t${createHash("sha1").update(query.sql).digest("base64url")}`;
    if (statementNames.size >= STATEMENT_NAMES_LIMIT) statementNames.clear();
    statementNames.set(query.sql, name);
  }
  return name;
}

/**
 * Names already made, by SQL text: hashing the text for every query was about 1.5 % of the
 * server's CPU under the bench's reads (the recommendation's access check is a long text). The
 * app's statements are a few hundred texts; the limit only bounds texts made of varying lists.
 */
const statementNames = new Map<string, string>();
const STATEMENT_NAMES_LIMIT = 2_000;

/** Whether statements are prepared by name on the database at `url` (not on the embedded one). */
export function preparesStatements(url: string): boolean {
  return new URL(url).searchParams.get("application_name") !== EMBEDDED_APPLICATION_NAME;
}

/** A Prisma client and the node-postgres pool its driver adapter uses. */
type Connected = { client: Database; pool: pg.Pool };

function connect(url: string, options: CreatePrismaClientOptions): Connected {
  parseDatabaseUrl(url, "database URL");
  const connectionTimeoutMs = options.connectionTimeoutMs ?? 5_000;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? readPoolSize(),
    connectionTimeoutMillis: connectionTimeoutMs,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool discards it and the next query opens a new one.
  pool.on("error", () => {});
  // The query plan cache saves compiling the same query shape again on every request. A
  // transaction waits for a connection as long as any query does (Prisma's own default is 2 s,
  // which a burst of votes on a busy pool outlasts).
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, {
      disposeExternalPool: true,
      ...(preparesStatements(url) ? { statementNameGenerator } : {}),
    }),
    queryPlanCacheMaxSize: 1000,
    transactionOptions: { maxWait: connectionTimeoutMs, timeout: 10_000 },
  });
  return { client, pool };
}

/** A Prisma client over node-postgres (no native query engine). */
export function createPrismaClient(url: string, options: CreatePrismaClientOptions = {}): Database {
  return connect(url, options).client;
}

/**
 * The app's shared client and its pool. On globalThis, so that hot reloads in development reuse
 * one pool, and so that every copy of this module in the process (the server's own and the one
 * bundled into Next.js) shares it.
 */
const globalForDb = globalThis as unknown as { tradeoffDb?: Connected };

/** The app's shared client, created on first use from DATABASE_URL. */
export function getDb(): Database {
  if (!globalForDb.tradeoffDb) {
    const url = process.env.DATABASE_URL;
    parseDatabaseUrl(url);
    globalForDb.tradeoffDb = connect(url as string, {});
  }
  return globalForDb.tradeoffDb.client;
}

/** Connection figures of the shared client's pool (for metrics); null before its first use. */
export function poolStats(): { total: number; idle: number; waiting: number; max: number } | null {
  const pool = globalForDb.tradeoffDb?.pool;
  if (!pool) return null;
  return {
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 10,
  };
}

/** Closes the shared client if it was created. */
export async function disconnectDb(): Promise<void> {
  const connected = globalForDb.tradeoffDb;
  globalForDb.tradeoffDb = undefined;
  await connected?.client.$disconnect();
}
