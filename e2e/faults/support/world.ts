/**
 * What every fault spec stands on: the production build, its own PostgreSQL with a seeded team,
 * the members' credentials, and the app instances the spec starts, all torn down after its tests.
 */
import { test } from "@playwright/test";
import { type AppInstance, ensureBuild, newSecret, startApp, startApps } from "./app";
import { accessTokens, type BenchWorld, seedWorld, sessionCookies } from "./clients";
import { type DedicatedPostgres, startDedicatedPostgres } from "./postgres";

type InstanceOptions = { env?: Record<string, string>; captureLogs?: boolean };

export type FaultWorld = {
  database: DedicatedPostgres;
  world: BenchWorld;
  /** One `cookie` header value per member, valid on every instance of the world. */
  cookies: string[];
  /** One personal access token per member (the CLI's way in); empty unless asked for. */
  tokens: string[];
  /** Starts an instance on the world's database and secret; it is stopped after the tests. */
  startApp(options?: InstanceOptions): Promise<AppInstance>;
  /** Starts `count` instances side by side, like `startApp`. */
  startApps(count: number, options?: InstanceOptions): Promise<AppInstance[]>;
};

/**
 * Sets the world up before the spec's tests (and before the spec's own `beforeAll`, registered
 * after this call) with a team of `members`, and tears it down after them: every instance it
 * started is stopped, then the database is destroyed. Returns the world for tests and hooks.
 */
export function useFaultWorld(members: number, options: { tokens?: boolean } = {}) {
  let ready: FaultWorld | undefined;
  let database: DedicatedPostgres | undefined;
  const started: AppInstance[] = [];

  test.beforeAll(async () => {
    ensureBuild();
    database = await startDedicatedPostgres();
    const db = database;
    const world = await seedWorld(db.url, members);
    const secret = newSecret();
    const instance = (env: InstanceOptions = {}) => ({ databaseUrl: db.url, secret, ...env });
    ready = {
      database: db,
      world,
      cookies: await sessionCookies(world, secret),
      tokens: options.tokens ? await accessTokens(db.url, world) : [],
      startApp: async (env) => {
        const app = await startApp(instance(env));
        started.push(app);
        return app;
      },
      startApps: async (count, env) => {
        const apps = await startApps(count, instance(env));
        started.push(...apps);
        return apps;
      },
    };
  });

  test.afterAll(async () => {
    await Promise.all(started.map((app) => app.stop()));
    await database?.destroy();
  });

  return (): FaultWorld => {
    if (!ready) throw new Error("The fault world was not set up.");
    return ready;
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `condition` every `everyMs` until it holds; throws an error naming `what` when it still
 * does not after `timeoutMs`.
 */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 15_000, everyMs = 50 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(everyMs);
  }
}
