/**
 * A PostgreSQL server of a fault test's own, in a temporary folder on its own port, which the
 * test may stop and start at will (never the shared server). As root it runs as the postgres
 * user, as PostgreSQL requires.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { migrateDatabase } from "@tradeoff/db/migrate";
import { createDatabase } from "@tradeoff/db/testing";
import { postgresPort } from "./ports";

const run = promisify(execFile);

/** Where Debian puts the server binaries; PG_BIN_DIR overrides it. */
function binDir(): string {
  const candidates = [
    process.env.PG_BIN_DIR,
    "/usr/lib/postgresql/17/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/15/bin",
  ];
  const found = candidates.find((dir) => dir && existsSync(join(dir, "initdb")));
  if (!found) {
    throw new Error(
      "The fault tests start a PostgreSQL server of their own, but its binaries (initdb, pg_ctl) were not found: install PostgreSQL (Debian: apt-get install postgresql) or set PG_BIN_DIR to the folder holding them.",
    );
  }
  return found;
}

export type DedicatedPostgres = {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/tradeoff (migrated) */
  url: string;
  /** Stops the server (fast shutdown: open connections are terminated, as in a restart). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and deletes its folder. */
  destroy(): Promise<void>;
};

export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const bin = binDir();
  const root = await mkdtemp(join(tmpdir(), "tradeoff-faults-pg-"));
  const data = join(root, "data");
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    await chown(root, Number(stdout.trim()), Number(gid.trim()));
  }
  const pgRun = (tool: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", join(bin, tool), ...args], { cwd: root })
      : run(join(bin, tool), args, { cwd: root });

  await pgRun("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const port = await postgresPort();
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    "-c listen_addresses=127.0.0.1",
    // Test data: durability is not what these tests are about, speed is.
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ].join(" ");
  let running = false;
  const start = async () => {
    await pgRun("pg_ctl", ["start", "-D", data, "-o", options, "-l", join(root, "log"), "-w"]);
    running = true;
  };
  const stop = async () => {
    if (!running) return;
    await pgRun("pg_ctl", ["stop", "-D", data, "-m", "fast", "-w"]);
    running = false;
  };
  try {
    await start();
    await createDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`, "tradeoff");
  } catch (error) {
    const log = await readFile(join(root, "log"), "utf8").catch(() => "");
    await stop().catch(() => {});
    await rm(root, { recursive: true, force: true });
    throw new Error(`The dedicated PostgreSQL did not start: ${String(error)}\n${log}`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/tradeoff`;
  await migrateDatabase(url, { log: () => {} });
  return {
    port,
    url,
    stop,
    start,
    destroy: async () => {
      await stop().catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
  };
}
