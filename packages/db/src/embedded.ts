import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { EMBEDDED_APPLICATION_NAME } from "./client";
import { ProtocolQueue } from "./protocol-queue";

export interface EmbeddedPostgresOptions {
  /** Folder holding the database files; created when missing, reused on the next start. */
  dataDir?: string;
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /**
   * Client connections accepted at once. PGlite is a single PostgreSQL backend: connections share
   * it and their queries run one at a time (a connection inside a transaction keeps it until the
   * transaction ends). Default 100, enough for several connection pools.
   */
  maxConnections?: number;
}

export interface EmbeddedPostgres {
  /**
   * postgres:// URL for any PostgreSQL client (Prisma, pg, psql). Its `application_name` tells
   * `createPrismaClient` that the server is the embedded one (see `statementNameGenerator`).
   */
  url: string;
  port: number;
  dataDir: string;
  /** Client connections open now and queries waiting for the database. */
  stats(): { activeConnections: number; queuedQueries: number };
  /** Closes every client connection, stops listening and flushes the database to disk. */
  stop(): Promise<void>;
}

/** `.data/pglite` at the repository root: where the app keeps its embedded database. */
export function defaultEmbeddedDataDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "../../../.data/pglite");
}

const LOCK_FILE = "tradeoff.pid";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Two processes writing one PGlite folder corrupt it, so the folder records its owner's pid. */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = join(dataDir, LOCK_FILE);
  const owner = Number(await readFile(lockPath, "utf8").catch(() => ""));
  if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${owner}. Stop that process or use another data folder.`,
    );
  }
  await writeFile(lockPath, String(process.pid));
  return () => rm(lockPath, { force: true });
}

/**
 * Serves a PGlite database (PostgreSQL compiled to WebAssembly, data kept in `dataDir`) over the
 * PostgreSQL wire protocol on 127.0.0.1.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir ?? defaultEmbeddedDataDir());
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    db = await PGlite.create({ dataDir: join(dataDir, "pgdata") });
    server = new PGLiteSocketServer({
      db,
      host: "127.0.0.1",
      port: options.port ?? 0,
      maxConnections: options.maxConnections ?? 100,
    });
    // Keeps each connection's extended queries and transactions whole (see ProtocolQueue).
    (server as unknown as { queryQueue: ProtocolQueue }).queryQueue = new ProtocolQueue(db);
    await server.start();
  } catch (error) {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    await unlock();
    throw error;
  }

  const port = Number(server.getServerConn().split(":").pop());
  let stopping: Promise<void> | undefined;
  const running = { db, server };
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres?application_name=${EMBEDDED_APPLICATION_NAME}`,
    port,
    dataDir,
    stats() {
      const { activeConnections, queuedQueries } = running.server.getStats();
      return { activeConnections, queuedQueries };
    },
    stop() {
      stopping ??= (async () => {
        await running.server.stop();
        await running.db.close();
        await unlock();
      })();
      return stopping;
    },
  };
}
