import type { AddressInfo } from "node:net";
import { createPrismaClient, type Database } from "@tradeoff/db";
import { addMember, createTeam, createTestDatabase, createUser } from "@tradeoff/db/testing";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realtimeFor, realtimeStats, startRealtime, stopRealtime } from "../src/realtime";
import { appRouter, createCaller } from "../src/root";
import type { LiveMessage } from "../src/services/live/stream-project";
import { authenticateRequest } from "../src/services/token/authenticate-request";
import { createContextInner } from "../src/trpc";
import { deferred, itOnPostgresServer } from "./helpers";
import { itWithLocks, waitingForLocks } from "./row-lock";

/**
 * Two app instances in one process, as two servers would run them: each its own HTTP server,
 * connection pool and LISTEN connection, sharing one database. Clients talk to them over real
 * HTTP with server-sent events. (Signed in through a test header: sessions are not the point;
 * or with a personal access token, `Authorization: Bearer`, checked as the web server does.)
 */
type Instance = { db: Database; url: string; close: () => Promise<void> };

async function startInstance(databaseUrl: string): Promise<Instance> {
  const db = createPrismaClient(databaseUrl, { poolSize: 4 });
  await startRealtime(db, { url: databaseUrl, presence: { heartbeatMs: 500, ttlMs: 1_500 } });
  const server = createHTTPServer({
    router: appRouter,
    createContext: async ({ req }) => {
      const authorization = req.headers.authorization;
      if (authorization) {
        const bearer = await authenticateRequest(
          db,
          new Request("http://app.test", { headers: { authorization } }),
        );
        // The web server answers a refused token 401 before the router runs: signed out here.
        return createContextInner({
          db,
          user: bearer.kind === "token" ? bearer.user : null,
          credential: "token",
          historyFoldSeconds: 0,
        });
      }
      const id = req.headers["x-test-user"];
      const user =
        typeof id === "string"
          ? await db.user.findUnique({
              where: { id },
              select: { id: true, email: true, name: true, tokenVersion: true },
            })
          : null;
      // Every vote edit its own event unless a test asks for the history's folding window.
      const fold = req.headers["x-test-fold-seconds"];
      return createContextInner({
        db,
        user: user ? { ...user, email: user.email ?? "" } : null,
        historyFoldSeconds: typeof fold === "string" ? Number(fold) : 0,
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    db,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await stopRealtime(db);
      await db.$disconnect();
    },
  };
}

type Received = { id?: string; message: LiveMessage; at: number };

/** Opens `live.project` over SSE, as the browser's httpSubscriptionLink does. */
function subscribe(
  instance: Instance,
  userId: string,
  input: { projectId: string; lastEventId?: string; lastEditAt?: string | null },
  /** Signs in with this personal access token instead of as `userId`. */
  token?: string,
) {
  const controller = new AbortController();
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const query = encodeURIComponent(JSON.stringify(input));
  const done = (async () => {
    const response = await fetch(`${instance.url}/live.project?input=${query}`, {
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : { "x-test-user": userId }),
        accept: "text/event-stream",
      },
      signal: controller.signal,
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
        const fields = Object.fromEntries(
          block.split("\n").map((line) => {
            const at = line.indexOf(":");
            return [line.slice(0, at), line.slice(at + 1).trimStart()];
          }),
        );
        if (fields.event || fields.data === undefined) continue; // connected, ping, restore-id
        const data = JSON.parse(fields.data);
        received.push({
          id: fields.id || undefined,
          message: data as LiveMessage,
          at: Date.now(),
        });
        for (const wake of waiters.splice(0)) wake();
      }
    }
  })().catch(() => {
    // Aborted by the test, or cut when the servers stop: the assertions say what mattered.
  });

  async function waitFor<T>(pick: () => T | undefined, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = pick();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error("Timed out waiting for a live message.");
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }
  const events = () =>
    received.filter(
      (r): r is Received & { message: { kind: "event" } } => r.message.kind === "event",
    );
  return {
    received,
    events,
    waitFor,
    /** Resolves once the server has sent its first message (the stream is live). */
    ready: () => waitFor(() => received[0]),
    close: async () => {
      controller.abort();
      await done;
    },
  };
}

/** A point a transaction stops at until the test lets it go on. */
function gate() {
  const reached = deferred();
  const passed = deferred();
  return {
    reached: reached.resolve,
    isReached: reached.promise,
    pass: passed.resolve,
    passed: passed.promise,
  };
}

/** `subscribe`, once the stream is live: the server has sent its first message. */
async function subscribed(...args: Parameters<typeof subscribe>) {
  const stream = subscribe(...args);
  await stream.ready();
  return stream;
}

let serverUrl: string;
let drop: () => Promise<void>;
let a: Instance;
let b: Instance;
let setup: Database;

beforeAll(async () => {
  const database = await createTestDatabase();
  serverUrl = database.url;
  drop = database.drop;
  setup = database.db;
  [a, b] = await Promise.all([startInstance(serverUrl), startInstance(serverUrl)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await drop?.();
});

async function openProject(votingMode: "OPEN" | "BLIND" = "OPEN") {
  const lead = await createUser(setup, { name: "Lena Lead" });
  const voter = await createUser(setup, { name: "Vic Voter" });
  const watcher = await createUser(setup, { name: "Wes Watcher" });
  const team = await createTeam(setup, { ownerId: lead.id });
  await addMember(setup, team.id, voter.id, "MEMBER");
  await addMember(setup, team.id, watcher.id, "VIEWER");
  const api = (user: { id: string; email: string | null; name: string | null }) =>
    createCaller(
      createContextInner({
        db: setup,
        user: { ...user, email: user.email ?? "", tokenVersion: 0 },
      }),
    );
  const project = await api(lead).project.create({
    teamId: team.id,
    title: "Which queue for billing events?",
    votingMode,
    options: [
      { key: "kafka", name: "Kafka" },
      { key: "sqs", name: "SQS" },
    ],
    criteria: [
      { key: "ops", name: "Operational cost", defaultWeight: 3 },
      { key: "ordering", name: "Ordering", defaultWeight: 3 },
    ],
  });
  await api(lead).project.open({ projectId: project.id });
  return { lead, voter, watcher, team, projectId: project.id, api };
}

/** Casts a vote over HTTP on `instance`, as the browser does. */
async function castOver(
  instance: Instance,
  userId: string,
  input: Record<string, unknown>,
  foldSeconds = 0,
) {
  const response = await fetch(`${instance.url}/vote.cast`, {
    method: "POST",
    headers: {
      "x-test-user": userId,
      "content-type": "application/json",
      "x-test-fold-seconds": String(foldSeconds),
    },
    body: JSON.stringify(input),
  });
  expect(response.status).toBe(200);
}

/**
 * `voterId` scores SQS 5 on "ops" (weight 4, and `more`) on the other instance; a second later
 * `stream` (closed then) has had no event: the stream stopped before the vote.
 */
async function expectNoEventAfter(
  stream: ReturnType<typeof subscribe>,
  voterId: string,
  projectId: string,
  more: Record<string, unknown> = {},
) {
  await castOver(b, voterId, {
    projectId,
    criterionKey: "ops",
    weight: 4,
    scores: { sqs: 5 },
    ...more,
  });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await stream.close();
  expect(stream.events()).toHaveLength(0);
}

/** The watcher of an open project (`openProject`), following it, then removed from its team. */
async function watcherRemovedFromTeam() {
  const opened = await openProject();
  const { watcher, team, projectId } = opened;
  const stream = await subscribed(a, watcher.id, { projectId });
  await setup.membership.delete({
    where: { teamId_userId: { teamId: team.id, userId: watcher.id } },
  });
  return { ...opened, stream };
}

/**
 * A watcher of an open project (`openProject`) following it with a new READ access token
 * created with `token` (its name, its expiry).
 */
async function watchedWithToken(token: { name: string; expiresInDays?: number }) {
  const opened = await openProject();
  const { api, watcher, projectId } = opened;
  const created = await api(watcher).token.create({ ...token, scope: "READ" });
  const stream = await subscribed(a, watcher.id, { projectId }, created.token);
  return { ...opened, tokenId: created.id, token: created.token, stream };
}

describe("live updates across app instances", () => {
  it("delivers a vote cast on one instance to a teammate subscribed on another", async () => {
    const { voter, watcher, projectId } = await openProject();
    const stream = await subscribed(b, watcher.id, { projectId });

    await castOver(a, voter.id, {
      projectId,
      criterionKey: "ops",
      weight: 4,
      scores: { kafka: 2, sqs: 5 },
    });
    const got = await stream.waitFor(() =>
      stream.events().find((e) => e.message.event.type === "vote.cast"),
    );
    await stream.close();

    // How fast it arrives is a matter for the bench, not a test: a busy machine must not fail it.
    // On a PostgreSQL server the instances hear each other through LISTEN/NOTIFY; the embedded
    // database cannot deliver notifications across connections, so there they poll the table.
    expect(realtimeFor(b.db)?.mode).toBe(process.env.TEST_DATABASE_URL ? "notify" : "poll");
    expect(got.message.event.actor?.name).toBe("Vic Voter");
    expect(got.message.event.data).toMatchObject({
      after: { weight: 4, scores: { kafka: 2, sqs: 5 } },
    });
    expect(got.id).toBe(got.message.event.id);
  });

  it("opened from the position a page read, sends the changes made before it opened, and only those", async () => {
    const { voter, watcher, projectId, api } = await openProject();
    // A vote folded into one entry by later edits, then the page reads its position.
    await castOver(a, voter.id, { projectId, criterionKey: "ops", weight: 1, scores: {} }, 60);
    await castOver(a, voter.id, { projectId, criterionKey: "ops", weight: 2, scores: {} }, 60);
    const position = await api(watcher).live.position({ projectId });
    const newest = await setup.projectEvent.findFirstOrThrow({
      where: { projectId },
      orderBy: { id: "desc" },
    });
    expect(position).toEqual({
      lastEventId: newest.id.toString(),
      lastEditAt: newest.lastEditAt?.toISOString(),
    });
    expect(newest.lastEditAt).not.toBeNull();

    // While the page loads (its stream not open yet), the voter changes another criterion.
    await castOver(a, voter.id, { projectId, criterionKey: "ordering", weight: 5, scores: {} });
    const stream = subscribe(b, watcher.id, { projectId, ...position });
    await stream.waitFor(() => (stream.events().length >= 1 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a repeat to show up
    await stream.close();

    // Only the change made since: not the folded entry the page already showed.
    const sent = stream.events().map((e) => e.message.event);
    expect(
      sent.map((e) => [e.criterionKey, (e.data as { after: { weight: number } }).after.weight]),
    ).toEqual([["ordering", 5]]);
    expect(BigInt(sent[0]?.id ?? "0")).toBeGreaterThan(newest.id);
  });

  it("opened from a position whose change was edited since, sends that change again", async () => {
    const { voter, watcher, projectId, api } = await openProject();
    await castOver(a, voter.id, { projectId, criterionKey: "ops", weight: 1, scores: {} }, 60);
    const position = await api(watcher).live.position({ projectId });
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later moment for the edit
    await castOver(a, voter.id, { projectId, criterionKey: "ops", weight: 4, scores: {} }, 60);
    const stream = subscribe(b, watcher.id, { projectId, ...position });
    await stream.waitFor(() => (stream.events().length >= 1 ? true : undefined));
    await stream.close();
    const sent = stream.events().map((e) => e.message.event);
    expect(sent.map((e) => (e.data as { after: { weight: number } }).after.weight)).toEqual([4]);
    expect(sent[0]?.id).toBe(position.lastEventId);
  });

  it("resumes a reconnecting client after its last event, missing none and repeating none", async () => {
    const { voter, watcher, projectId } = await openProject();
    const first = await subscribed(b, watcher.id, { projectId });
    await castOver(a, voter.id, { projectId, criterionKey: "ops", weight: 1, scores: {} });
    const seen = await first.waitFor(() => first.events()[0]);
    await first.close();

    // Two changes while the teammate's tab is offline.
    await castOver(a, voter.id, { projectId, criterionKey: "ops", weight: 2, scores: {} });
    await castOver(a, voter.id, { projectId, criterionKey: "ordering", weight: 5, scores: {} });

    const again = subscribe(a, watcher.id, { projectId, lastEventId: seen.id });
    await again.waitFor(() => (again.events().length >= 2 ? true : undefined));
    await castOver(b, voter.id, { projectId, criterionKey: "ops", weight: 3, scores: {} });
    await again.waitFor(() => (again.events().length >= 3 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a duplicate to show up
    await again.close();

    const weights = again
      .events()
      .map((e) => (e.message.event.data as { after: { weight: number } }).after.weight);
    expect(weights).toEqual([2, 5, 3]);
    const ids = again.events().map((e) => BigInt(e.id ?? "0"));
    expect(ids.every((id, i) => i === 0 || id > (ids[i - 1] ?? 0n))).toBe(true);
    expect(ids[0]).toBeGreaterThan(BigInt(seen.id ?? "0"));
  });

  itWithLocks(
    "resumes after the last event seen without missing one that was still being written",
    async () => {
      const { lead, watcher, team, projectId } = await openProject();
      const entry = (type: string) => ({
        projectId,
        teamId: team.id,
        actorId: lead.id,
        type,
        data: { before: [], after: [type] },
      });
      // One change holds the decision (as recording it does) while another writes its history
      // entry, which waits for the decision; the first then writes its own entry and commits.
      const holding = gate();
      const holder = setup.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM projects WHERE id = ${projectId} FOR UPDATE`;
        holding.reached();
        await holding.passed;
        await tx.projectEvent.create({ data: entry("holder") });
      });
      await holding.isReached;
      const waiting = gate();
      const waiter = setup.$transaction(async (tx) => {
        await tx.projectEvent.create({ data: entry("waiter") });
        waiting.reached();
        await waiting.passed;
      });
      for (let waited = 0; (await waitingForLocks(setup)) === 0; waited += 20) {
        if (waited > 10_000) throw new Error("The second change never waited for the decision.");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      holding.pass();
      await holder;
      await waiting.isReached;
      // A tab that has everything committed at this moment, then goes offline.
      const [last] = await setup.projectEvent.findMany({
        where: { projectId },
        orderBy: { id: "desc" },
        take: 1,
        select: { id: true, type: true },
      });
      expect(last?.type).toBe("holder");
      waiting.pass();
      await waiter;

      const again = subscribe(a, watcher.id, { projectId, lastEventId: String(last?.id) });
      const got = await again.waitFor(() =>
        again.events().find((e) => e.message.event.type === "waiter"),
      );
      await again.close();
      expect(got.id).toBe(got.message.event.id);
    },
  );

  // Announced by a trigger on the notification channel; the embedded database's polling finds
  // new event ids only, so there a folded vote shows with the next change (see docs/decisions.md).
  itOnPostgresServer(
    "sends a vote folded into an entry the teammate already has again, live and on resuming",
    async () => {
      const { voter, watcher, projectId } = await openProject();
      const stream = await subscribed(b, watcher.id, { projectId });
      const vote = { projectId, criterionKey: "ops", scores: {} };
      await castOver(a, voter.id, { ...vote, weight: 1 }, 120);
      const first = await stream.waitFor(() => stream.events()[0]);
      await castOver(a, voter.id, { ...vote, weight: 2 }, 120);
      const folded = await stream.waitFor(() => stream.events()[1]);
      await stream.close();
      // The same entry, now holding the last edit; untracked, so the resume point stays.
      expect(folded.message.event.id).toBe(first.message.event.id);
      expect(folded.id).toBeUndefined();
      expect(folded.message.event.data).toMatchObject({ after: { weight: 2 } });
      expect(folded.message.event.lastEditAt).not.toBeNull();

      // Folded again while the tab was offline: resuming after that entry sends it once more.
      await castOver(a, voter.id, { ...vote, weight: 3 }, 120);
      const again = subscribe(a, watcher.id, { projectId, lastEventId: first.id });
      const resent = await again.waitFor(() => again.events()[0]);
      await again.close();
      expect(resent.message.event.id).toBe(first.message.event.id);
      expect(resent.message.event.data).toMatchObject({ after: { weight: 3 } });
    },
  );

  it("closes the stream and frees its listener when the teammate leaves the page", async () => {
    const { watcher, projectId } = await openProject();
    const before = realtimeStats().listeners;
    const stream = await subscribed(a, watcher.id, { projectId });
    expect(realtimeStats().listeners).toBe(before + 1);
    await stream.close();
    const deadline = Date.now() + 3_000;
    while (realtimeStats().listeners > before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(realtimeStats().listeners).toBe(before);
  });

  // Presence crosses instances on a notification channel, which needs a PostgreSQL server (the
  // embedded database serves a single process, where local presence is the whole picture).
  itOnPostgresServer("shows who is viewing the project, whichever instance they are on", () =>
    presenceComesAndGoes(b),
  );

  it("shows who is viewing the project on the same instance, and forgets who left", () =>
    presenceComesAndGoes(a));

  /**
   * The watcher (on `watcherInstance`) sees the lead (on instance a) join the viewers, then
   * leave them.
   */
  async function presenceComesAndGoes(watcherInstance: Instance) {
    const { lead, watcher, projectId } = await openProject();
    const watching = await subscribed(watcherInstance, watcher.id, { projectId });
    const leading = subscribe(a, lead.id, { projectId });
    const names = (r: Received) =>
      r.message.kind === "presence" ? r.message.viewers.map((v) => v.name).join(", ") : undefined;
    await watching.waitFor(() =>
      watching.received.map(names).find((n) => n === "Lena Lead, Wes Watcher"),
    );
    await leading.close();
    await watching.waitFor(() =>
      names(watching.received.at(-1) as Received) === "Wes Watcher" ? true : undefined,
    );
    await watching.close();
  }

  it("keeps a blind vote's values from teammates while showing that they voted", async () => {
    const { voter, watcher, projectId } = await openProject("BLIND");
    const watching = subscribe(b, watcher.id, { projectId });
    const voting = subscribe(a, voter.id, { projectId });
    await Promise.all([watching.ready(), voting.ready()]);
    await castOver(a, voter.id, {
      projectId,
      criterionKey: "ops",
      weight: 4,
      scores: { kafka: 5 },
    });
    const theirs = await watching.waitFor(() => watching.events()[0]);
    const mine = await voting.waitFor(() => voting.events()[0]);
    await Promise.all([watching.close(), voting.close()]);

    expect(theirs.message.event).toMatchObject({ type: "vote.cast", hidden: true, data: null });
    expect(theirs.message.event.actor?.name).toBe("Vic Voter");
    expect(mine.message.event).toMatchObject({ hidden: false, data: { after: { weight: 4 } } });
  });

  // Cutting connections from the server side needs a PostgreSQL server.
  itOnPostgresServer(
    "recovers when the database drops the listening connections, delivering what was missed",
    async () => {
      const { voter, watcher, projectId } = await openProject();
      const stream = await subscribed(b, watcher.id, { projectId });

      await setup.$queryRaw`
        SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'tradeoff-live-listener'`;
      // Cast while the instances are reconnecting: its notification reaches nobody.
      await castOver(a, voter.id, { projectId, criterionKey: "ops", weight: 2, scores: {} });
      const missed = await stream.waitFor(() => stream.events()[0], 10_000);
      expect(missed.message.event.type).toBe("vote.cast");

      // And the re-established LISTEN carries new events again.
      await castOver(a, voter.id, { projectId, criterionKey: "ops", weight: 3, scores: {} });
      await stream.waitFor(() => (stream.events().length >= 2 ? true : undefined), 5_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await stream.close();
      const weights = stream
        .events()
        .map((e) => (e.message.event.data as { after: { weight: number } }).after.weight);
      expect(weights).toEqual([2, 3]);
    },
  );

  it("stops a member's stream once they are removed from the team", async () => {
    const { voter, projectId, stream } = await watcherRemovedFromTeam();
    await expectNoEventAfter(stream, voter.id, projectId);
  });

  it("tells a removed member nothing more of who is viewing, and drops them from the viewers", async () => {
    const { lead, projectId, stream } = await watcherRemovedFromTeam();
    const leading = await subscribed(a, lead.id, { projectId });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const viewers = leading.received.at(-1)?.message;
    const seen = stream.received.flatMap((r) =>
      r.message.kind === "presence" ? r.message.viewers.map((v) => v.name) : [],
    );
    await Promise.all([stream.close(), leading.close()]);
    expect(seen).not.toContain("Lena Lead");
    expect(viewers).toEqual({ kind: "presence", viewers: [{ id: lead.id, name: "Lena Lead" }] });
  });

  it("stops the stream of a session signed out elsewhere", async () => {
    const { voter, watcher, projectId } = await openProject();
    const stream = await subscribed(a, watcher.id, { projectId });
    // Signing out everywhere raises the account's token version.
    await setup.user.update({
      where: { id: watcher.id },
      data: { tokenVersion: { increment: 1 } },
    });
    await expectNoEventAfter(stream, voter.id, projectId);
  });

  it("stops a stream opened with an access token once the token is revoked", async () => {
    const { voter, watcher, projectId, api, tokenId, token, stream } = await watchedWithToken({
      name: "CLI",
    });
    await api(watcher).token.revoke({ tokenId });
    // Any request with it is refused now.
    const response = await fetch(`${a.url}/account.get`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(401);

    await expectNoEventAfter(stream, voter.id, projectId, {
      rationale: "Our on-call rota cannot absorb Kafka.",
    });
    expect(JSON.stringify(stream.received)).not.toContain("on-call rota");
  });

  it("stops a stream opened with an access token once the token expires", async () => {
    const { voter, projectId, tokenId, stream } = await watchedWithToken({
      name: "CLI",
      expiresInDays: 1,
    });
    // The day has passed (moved back rather than waited for).
    await setup.personalAccessToken.update({
      where: { id: tokenId },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    await expectNoEventAfter(stream, voter.id, projectId, {
      rationale: "Our on-call rota cannot absorb Kafka.",
    });
  });

  it("keeps a stream opened with a live access token going", async () => {
    const { voter, projectId, stream } = await watchedWithToken({ name: "CLI" });
    await castOver(b, voter.id, { projectId, criterionKey: "ops", weight: 4, scores: { sqs: 5 } });
    const got = await stream.waitFor(() =>
      stream.events().find((e) => e.message.event.type === "vote.cast"),
    );
    await stream.close();
    expect(got.message.event.actor?.name).toBe("Vic Voter");
  });

  it("refuses a stream of another team's project", async () => {
    const { projectId } = await openProject();
    const stranger = await createUser(setup, { name: "Sam Stranger" });
    const query = encodeURIComponent(JSON.stringify({ projectId }));
    const response = await fetch(`${a.url}/live.project?input=${query}`, {
      headers: { "x-test-user": stranger.id, accept: "text/event-stream" },
    });
    const text = await response.text();
    expect(text).toContain("NOT_FOUND");
    expect(text).not.toContain("vote");
  });
});
