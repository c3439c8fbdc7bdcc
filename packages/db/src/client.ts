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

function defaultPoolSize(): number {
  const fromEnv = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10;
}

/** A Prisma client over node-postgres (no native query engine). */
export function createPrismaClient(url: string, options: CreatePrismaClientOptions = {}): Database {
  parseDatabaseUrl(url, "database URL");
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? defaultPoolSize(),
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool discards it and the next query opens a new one.
  pool.on("error", () => {});
  // The query plan cache saves compiling the same query shape again on every request.
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    queryPlanCacheMaxSize: 1000,
  });
  Object.defineProperty(client, POOL, { value: pool });
  return client;
}

/**
 * Where a client keeps its pool. A registered symbol, so a client shared through globalThis
 * (getDb) is understood by every copy of this module in the process: the production server
 * and the Next.js bundle each load their own.
 */
const POOL = Symbol.for("tradeoff.db.pool");

function poolIfAny(db: Database): pg.Pool | undefined {
  return (db as unknown as { [POOL]?: pg.Pool })[POOL];
}

/** The node-postgres pool under a client made by createPrismaClient. */
export function poolOf(db: Database): pg.Pool {
  const pool = poolIfAny(db);
  if (!pool) throw new Error("This database client was not made by createPrismaClient.");
  return pool;
}

/** Connection pool figures of a client made by createPrismaClient (for metrics). */
export function poolStats(
  db: Database,
): { total: number; idle: number; waiting: number; max: number } | null {
  const pool = poolIfAny(db);
  if (!pool) return null;
  return {
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 10,
  };
}

const globalForDb = globalThis as unknown as { tradeoffDb?: Database };

/**
 * The app's shared client, created on first use from DATABASE_URL. Kept on globalThis so hot
 * reloads in development reuse one pool instead of opening a new one per reload.
 */
export function getDb(): Database {
  if (!globalForDb.tradeoffDb) {
    const url = process.env.DATABASE_URL;
    parseDatabaseUrl(url);
    globalForDb.tradeoffDb = createPrismaClient(url as string);
  }
  return globalForDb.tradeoffDb;
}

/** Closes the shared client if it was created. */
export async function disconnectDb(): Promise<void> {
  const db = globalForDb.tradeoffDb;
  globalForDb.tradeoffDb = undefined;
  await db?.$disconnect();
}
