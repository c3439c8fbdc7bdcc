import type { PrismaClient } from "@tradeoff/db";
import { type HubOptions, RealtimeHub } from "./hub";

export { type HubOptions, type HubSignal, RealtimeHub } from "./hub";

/**
 * Hubs by the database client they serve. Procedures only receive `ctx.db`, so the live
 * subscription finds its instance's hub through it; two in-process servers with two clients
 * (as in the cross-instance test) get two hubs, as two processes would.
 */
const hubs = new WeakMap<PrismaClient, Promise<RealtimeHub>>();
const started = new Set<RealtimeHub>();
const ready = new WeakMap<PrismaClient, RealtimeHub>();

/** Starts the instance's LISTEN connection for `db` once; later calls return the same hub. */
export function startRealtime(db: PrismaClient, options: HubOptions): Promise<RealtimeHub> {
  const existing = hubs.get(db);
  if (existing) return existing;
  const hub = new RealtimeHub(options);
  const starting = hub.start().then(
    () => {
      started.add(hub);
      ready.set(db, hub);
      return hub;
    },
    (error: unknown) => {
      hubs.delete(db);
      void hub.stop();
      throw error;
    },
  );
  hubs.set(db, starting);
  return starting;
}

export async function stopRealtime(db: PrismaClient): Promise<void> {
  const starting = hubs.get(db);
  if (!starting) return;
  hubs.delete(db);
  ready.delete(db);
  const hub = await starting.catch(() => null);
  if (!hub) return;
  started.delete(hub);
  await hub.stop();
}

/** The started hub of `db`'s instance; undefined until `startRealtime` has finished. */
export function realtimeFor(db: PrismaClient): RealtimeHub | undefined {
  return ready.get(db);
}

/** Open live subscriptions in this process (a closed stream must leave none behind). */
export function realtimeStats(): { listeners: number; viewers: number; hubs: number } {
  let listeners = 0;
  let viewers = 0;
  for (const hub of started) {
    const stats = hub.stats();
    listeners += stats.listeners;
    viewers += stats.viewers;
  }
  return { listeners, viewers, hubs: started.size };
}
