import { expect, test } from "@playwright/test";
import type { AppInstance } from "./support/app";
import { type LiveEvent, mutate, openLiveStream, voteFor } from "./support/clients";
import { readProject } from "./support/records";
import { sleep, useFaultWorld, waitFor } from "./support/world";

/**
 * A teammate watching a project live on instance A; A dies; the page reconnects to instance B
 * with the last event id it got and receives every vote cast while it was away, none twice.
 */
const faults = useFaultWorld(3);
const apps: AppInstance[] = [];

test.beforeAll(async () => {
  apps.push(...(await faults().startApps(2)));
});

test("a live stream resumes on another instance with every missed event, none twice", async () => {
  const [a, b] = apps;
  if (!a || !b) throw new Error("setup failed");
  const { database, world, cookies } = faults();
  const watcher = cookies[0] ?? "";
  const voters = [1, 2].map((i) => cookies[i] ?? "");
  let sent = 0;
  const castVotes = async (count: number, origin: string) => {
    const tags: string[] = [];
    for (let i = 0; i < count; i++) {
      const n = sent++;
      const tag = `live-${n}`;
      const res = await mutate(origin, voters[n % 2] ?? "", "vote.cast", voteFor(world, n, tag));
      expect(res.status, res.text.slice(0, 200)).toBe(200);
      tags.push(tag);
    }
    return tags;
  };

  // On A: the stream is open (its first message arrived), then five votes arrive live.
  const received: LiveEvent[] = [];
  let messagesOnA = 0;
  const onA = openLiveStream({
    origin: a.origin,
    cookie: watcher,
    projectId: world.projectId,
    onEvent: (event) => received.push(event),
    onMessage: () => messagesOnA++,
  });
  await onA.opened;
  await waitFor("the stream's first message on A", () => messagesOnA > 0);
  const liveOnA = await castVotes(5, b.origin);
  await waitFor("five live votes on A", () => received.length >= 5);
  expect(received.map((e) => e.rationale)).toEqual(liveOnA);

  // A dies mid-stream; votes keep coming through B while the watcher is disconnected.
  await a.kill();
  await onA.ended.catch(() => {});
  const lastEventId = received.at(-1)?.id ?? null;
  const countOnA = received.length;
  const missed = await castVotes(20, b.origin);

  // The watcher reconnects to B with its last event id: the missed votes come first, then
  // new ones arrive live.
  let messagesOnB = 0;
  const onB = openLiveStream({
    origin: b.origin,
    cookie: watcher,
    projectId: world.projectId,
    lastEventId,
    onEvent: (event) => received.push(event),
    onMessage: () => messagesOnB++,
  });
  await onB.opened;
  await waitFor("the twenty missed votes on B", () => received.length >= countOnA + 20);
  const liveOnB = await castVotes(5, b.origin);
  await waitFor("five live votes on B", () => received.length >= countOnA + 25);
  await sleep(500); // anything extra (a duplicate) would show now
  onB.close();
  await onB.ended.catch(() => {});

  const afterReconnect = received.slice(countOnA);
  console.log(
    `live resume: ${countOnA} events on A, A killed, ${missed.length} votes cast meanwhile; ` +
      `B replayed ${afterReconnect.filter((e) => missed.includes(e.rationale ?? "")).length} missed ` +
      `and delivered ${afterReconnect.length - missed.length} live; ${received.length} events in all`,
  );
  expect(afterReconnect.map((e) => e.rationale)).toEqual([...missed, ...liveOnB]);
  const ids = received.map((e) => e.id);
  expect(new Set(ids).size, "no event received twice").toBe(ids.length);
  // Exactly the events the database holds after the stream started, in order.
  const stored = await readProject(database.url, world.projectId);
  const firstId = BigInt(received[0]?.id ?? "0");
  expect(ids).toEqual(stored.voteEvents.map((e) => e.id).filter((id) => BigInt(id) >= firstId));
});
