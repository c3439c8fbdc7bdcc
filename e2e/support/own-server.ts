/**
 * A spec's own app instances, for settings the shared e2e server does not have (an SMTP server,
 * a trusted proxy, a second public name, two instances behind one database).
 */
import { test } from "@playwright/test";
import { createTestDatabase, type TestDatabase } from "@tradeoff/db/testing";
import { type AppInstance, newSecret, startApps } from "../faults/support/app";

/**
 * Starts `instances` production instances (one by default) on a fresh database, sharing one
 * secret, before the tests of the file or describe block it is called in, and stops them and
 * drops the database after them. `env` may be a function: it is read when the instances start,
 * after the hooks registered before this call (which may start what it names).
 */
export function ownServer(
  options: {
    env?: Record<string, string> | (() => Record<string, string>);
    instances?: number;
    poolSize?: number;
    /** Development mode, as `npm run dev` runs it (one instance). */
    dev?: boolean;
    /** The instances' log is kept for the test to read (`logLines`) instead of passed on. */
    captureLogs?: boolean;
  } = {},
) {
  let database: TestDatabase | undefined;
  let apps: AppInstance[] = [];

  test.beforeAll(async () => {
    // A fresh database and production instances, on a small shared machine.
    test.setTimeout(180_000);
    database = await createTestDatabase(options.poolSize ? { poolSize: options.poolSize } : {});
    const env = typeof options.env === "function" ? options.env() : options.env;
    apps = await startApps(options.instances ?? 1, {
      databaseUrl: database.url,
      secret: newSecret(),
      env,
      dev: options.dev ?? false,
      captureLogs: options.captureLogs ?? false,
    });
  });

  test.afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await database?.drop();
  });

  const started = () => {
    if (!database || apps.length === 0) throw new Error("The spec's own server did not start.");
    return { database, apps };
  };
  return {
    /** The (first) instance. */
    get app(): AppInstance {
      return started().apps[0] as AppInstance;
    },
    get apps(): AppInstance[] {
      return started().apps;
    },
    /** Its database, for what a test reads or sets up directly. */
    get database(): TestDatabase {
      return started().database;
    },
  };
}
