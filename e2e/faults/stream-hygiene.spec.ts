import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type { AppInstance } from "./support/app";
import { openLiveStream, readMetric } from "./support/clients";
import { sleep, useFaultWorld, waitFor } from "./support/world";

/**
 * 1,000 live streams opened and dropped by their clients leave nothing behind on the server:
 * the open-subscription gauge returns to where it started and memory stays flat.
 */
const CYCLES = 1_000;
const CONCURRENCY = 10;
const WARM_UP = 1_000;
const MAX_RSS_GROWTH = 50 * 1024 * 1024;
const SUBSCRIPTIONS = "tradeoff_active_subscriptions";
const RSS = "tradeoff_process_resident_memory_bytes";
const HEAP = "tradeoff_nodejs_heap_size_used_bytes";

const faults = useFaultWorld(2);
let app: AppInstance | undefined;

test.beforeAll(async () => {
  app = await faults().startApp({
    env: {
      NODE_OPTIONS: `--expose-gc --require ${join(import.meta.dirname, "support/gc-on-signal.cjs")}`,
    },
  });
});

/** A full garbage collection in the server (see support/gc-on-signal.cjs), then its memory. */
async function memoryAfterCollection(server: AppInstance) {
  for (let i = 0; i < 2; i++) {
    process.kill(-server.pid, "SIGUSR2");
    await sleep(500);
  }
  return {
    rss: await readMetric(server.origin, RSS),
    heap: await readMetric(server.origin, HEAP),
  };
}

/** How the metric polls below wait: every 100 ms, up to 10 s unless said otherwise. */
const METRIC_POLL = { everyMs: 100, timeoutMs: 10_000 };

test("1,000 connect/disconnect cycles leave no listener behind and memory flat", async () => {
  test.setTimeout(300_000);
  if (!app) throw new Error("setup failed");
  const server: AppInstance = app;
  const { world, cookies } = faults();
  const cookie = cookies[0] ?? "";

  /** Opens a stream and waits for its first message: the server has registered it. */
  async function openRegistered() {
    let messages = 0;
    const stream = openLiveStream({
      origin: server.origin,
      cookie,
      projectId: world.projectId,
      onMessage: () => messages++,
    });
    await stream.opened;
    await waitFor("the stream's first message", () => messages > 0, {
      everyMs: 5,
      timeoutMs: 10_000,
    }).catch(() => {});
    expect(messages, "the stream sent its first message").toBeGreaterThan(0);
    return stream;
  }
  /** Opens a registered stream, then drops it. */
  async function cycle() {
    const stream = await openRegistered();
    stream.close();
    await stream.ended;
  }
  async function cycles(count: number) {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < count) {
          next++;
          await cycle();
        }
      }),
    );
  }

  // Warm-up: JIT, pools, the listener and caches. Measured after full collections, the first
  // thousand streams grow the heap by 15-25 MB and the next thousands by nothing, so the
  // comparison starts after a thousand (the warm-up's growth is printed too).
  await cycles(50);
  const cold = await memoryAfterCollection(server);
  await cycles(WARM_UP - 50);
  await waitFor(
    "the warm-up streams to close",
    async () => (await readMetric(server.origin, SUBSCRIPTIONS)) === 0,
    METRIC_POLL,
  );
  const listenersBefore = await readMetric(server.origin, SUBSCRIPTIONS);
  const before = await memoryAfterCollection(server);

  // The gauge really counts: one open stream reads as one more.
  const probe = await openRegistered();
  expect(await readMetric(server.origin, SUBSCRIPTIONS)).toBe(listenersBefore + 1);
  probe.close();
  await probe.ended;

  const started = Date.now();
  await cycles(CYCLES);
  const seconds = (Date.now() - started) / 1000;
  const beforeCollection = await readMetric(server.origin, RSS);
  let listenersAfter = -1;
  await waitFor(
    "every dropped stream to be released",
    async () => {
      listenersAfter = await readMetric(server.origin, SUBSCRIPTIONS);
      return listenersAfter === listenersBefore;
    },
    { ...METRIC_POLL, timeoutMs: 15_000 },
  ).catch(() => {});
  const after = await memoryAfterCollection(server);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `stream hygiene: ${CYCLES} cycles (${CONCURRENCY} at a time) in ${seconds.toFixed(1)} s; ` +
      `listeners ${listenersBefore} -> ${listenersAfter}; after a full collection RSS ` +
      `${mb(before.rss)} -> ${mb(after.rss)} (${mb(after.rss - before.rss)}), heap used ` +
      `${mb(before.heap)} -> ${mb(after.heap)} (${mb(after.heap - before.heap)}); ` +
      `RSS before that collection ${mb(beforeCollection)}; during the ${WARM_UP}-stream warm-up ` +
      `RSS ${mb(cold.rss)} -> ${mb(before.rss)}, heap ${mb(cold.heap)} -> ${mb(before.heap)}`,
  );
  expect(listenersAfter).toBe(listenersBefore);
  expect(after.rss - before.rss).toBeLessThan(MAX_RSS_GROWTH);
  expect(after.heap - before.heap).toBeLessThan(MAX_RSS_GROWTH);
});
