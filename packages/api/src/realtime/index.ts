import type { PrismaClient } from "@tradeoff/db";
import { type HubOptions, RealtimeHub } from "./hub";

export { type HubOptions, type HubSignal, RealtimeHub } from "./hub";

/**
 * Hubs by the database client they serve. Procedures only receive `ctx.db`, so the live
 * subscription finds its instance's hub through it; two in-process servers with two clients
 * (as in the cross-instance test) get two hubs, as two processes would.
 */
const hubs = new WeakMap<PrismaClient, RealtimeHub>();
const started = new Set<RealtimeHub>();

/** Starts the instance's LISTEN connection for `db` once; later calls return the same hub. */
export async function startRealtime(db: PrismaClient, options: HubOptions): Promise<RealtimeHub> {
  const existing = hubs.get(db);
  if (existing) return existing;
  const hub = new RealtimeHub(options);
  hubs.set(db, hub);
  started.add(hub);
  try {
    await hub.start();
  } catch (error) {
    hubs.delete(db);
    started.delete(hub);
    throw error;
  }
  return hub;
}

export async function stopRealtime(db: PrismaClient): Promise<void> {
  const hub = hubs.get(db);
  if (!hub) return;
  hubs.delete(db);
  started.delete(hub);
  await hub.stop();
}

export function realtimeFor(db: PrismaClient): RealtimeHub | undefined {
  return hubs.get(db);
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
