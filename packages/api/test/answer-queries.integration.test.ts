import type { SessionUser } from "@tradeoff/auth";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { answerQueries } from "../src/answer-queries";
import { appRouter } from "../src/root";
import { createContextInner } from "../src/trpc";
import { useTestDatabase } from "./helpers";
import { loadCases } from "./isolation/load-cases";
import { createWorld, type World } from "./isolation/world";

/**
 * `answerQueries` must answer exactly what tRPC's fetch adapter answers, or step aside. Every
 * query of the app router is called both ways with its isolation-sweep input, as team A's
 * owner (who may read it) and as team B's owner (who is refused): the answers must match byte
 * for byte, and a refusal must be left to the adapter.
 */
const t = useTestDatabase();
const cases = await loadCases();
const ENDPOINT = "/api/trpc";

const queries = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
)
  .filter(([, procedure]) => procedure._def.type === "query")
  .map(([path]) => path);

const asSession = (user: World["owner"] | null): SessionUser | null =>
  user ? { id: user.id, email: user.email ?? "", name: user.name, tokenVersion: 0 } : null;

function getRequest(path: string, query: Record<string, string>, headers?: Record<string, string>) {
  const url = new URL(`http://tradeoff.test${ENDPOINT}/${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return () => new Request(url, { headers });
}

/** The same request both ways: the lean answer (null when it steps aside) and the adapter's. */
async function bothWays(user: World["owner"] | null, request: () => Request) {
  const createContext = async () => createContextInner({ db: t.db, user: asSession(user) });
  // With the URL already parsed, as the HTTP handler passes it (the other tests leave it out).
  const req = request();
  const lean = await answerQueries(req, {
    endpoint: ENDPOINT,
    createContext,
    url: new URL(req.url),
  });
  const adapter = await fetchRequestHandler({
    endpoint: ENDPOINT,
    req: request(),
    router: appRouter,
    createContext,
  });
  const read = async (res: Response) => ({
    status: res.status,
    contentType: res.headers.get("content-type"),
    vary: res.headers.get("vary"),
    // The one thing allowed to differ: when a record export says it was generated.
    body: (await res.text()).replace(/"generatedAt":"[^"]+"/g, '"generatedAt":"…"'),
  });
  return { lean: lean && (await read(lean)), adapter: await read(adapter) };
}

const single = (path: string, input: unknown) =>
  getRequest(
    path,
    input === undefined ? {} : { input: JSON.stringify(superjson.serialize(input)) },
  );

describe("answerQueries: every query of the app router", () => {
  it("covers queries", () => {
    expect(queries.length).toBeGreaterThan(20);
  });

  it.each(queries)(
    "%s: the adapter's answer for a member, and steps aside for a refusal",
    async (path) => {
      const world = await createWorld(t.db);
      const input = await cases.get(path)?.input?.(world);

      const allowed = await bothWays(world.owner, single(path, input));
      if (allowed.adapter.status === 200) expect(allowed.lean).toEqual(allowed.adapter);
      else expect(allowed.lean).toBeNull();

      const refused = await bothWays(world.outsider, single(path, input));
      if (refused.adapter.status === 200) expect(refused.lean).toEqual(refused.adapter);
      else expect(refused.lean).toBeNull();
    },
  );
});

describe("answerQueries: batches and requests it leaves to the adapter", () => {
  async function projectWorld() {
    const world = await createWorld(t.db);
    const input = await cases.get("project.recommendation")?.input?.(world);
    const { projectId } = input as { projectId: string };
    return { world, projectId };
  }

  it("answers a batch of queries as the adapter does, in order", async () => {
    const { world, projectId } = await projectWorld();
    const batch = getRequest("project.recommendation,project.participation,member.list", {
      batch: "1",
      input: JSON.stringify({
        0: superjson.serialize({ projectId }),
        1: superjson.serialize({ projectId }),
        2: superjson.serialize({ teamId: world.teamA.id }),
      }),
    });
    const { lean, adapter } = await bothWays(world.owner, batch);
    expect(adapter.status).toBe(200);
    expect(lean).toEqual(adapter);
    expect(JSON.parse(lean?.body ?? "[]")).toHaveLength(3);
  });

  it("leaves a batch with one failing call to the adapter", async () => {
    const { world, projectId } = await projectWorld();
    const batch = getRequest("project.recommendation,member.list", {
      batch: "1",
      input: JSON.stringify({
        0: superjson.serialize({ projectId }),
        1: superjson.serialize({ teamId: world.teamB.id }),
      }),
    });
    const { lean, adapter } = await bothWays(world.owner, batch);
    expect(adapter.status).toBe(207);
    expect(lean).toBeNull();
  });

  it("leaves mutations, subscriptions, streamed batches and malformed requests to the adapter", async () => {
    const { world, projectId } = await projectWorld();
    const input = JSON.stringify(superjson.serialize({ projectId }));
    const createContext = async () =>
      createContextInner({ db: t.db, user: asSession(world.owner) });
    const lean = (req: Request) => answerQueries(req, { endpoint: ENDPOINT, createContext });
    const url = (path: string, query = `input=${encodeURIComponent(input)}`) =>
      `http://tradeoff.test${ENDPOINT}/${path}?${query}`;

    // A mutation, even sent as GET; a subscription; an unknown procedure.
    expect(await lean(new Request(url("project.close")))).toBeNull();
    expect(await lean(new Request(url("live.project")))).toBeNull();
    expect(await lean(new Request(url("project.nothing")))).toBeNull();
    // POST, and a streamed batch (httpBatchStreamLink asks with trpc-accept).
    expect(
      await lean(new Request(url("project.recommendation"), { method: "POST", body: input })),
    ).toBeNull();
    expect(
      await lean(
        new Request(
          url("project.recommendation", `batch=1&input=${encodeURIComponent(`{"0":${input}}`)}`),
          {
            headers: { "trpc-accept": "application/jsonl" },
          },
        ),
      ),
    ).toBeNull();
    // Two paths without batch=1, input that is not JSON, a batch input that is not an object.
    expect(await lean(new Request(url("project.recommendation,member.list")))).toBeNull();
    expect(await lean(new Request(url("project.recommendation", "input=%7Bnot-json")))).toBeNull();
    expect(await lean(new Request(url("project.recommendation", "batch=1&input=42")))).toBeNull();
    // Another endpoint.
    expect(
      await lean(
        new Request(
          `http://tradeoff.test/api/other/project.recommendation?input=${encodeURIComponent(input)}`,
        ),
      ),
    ).toBeNull();
    // And the control: the same read, well formed, is answered.
    expect((await lean(new Request(url("project.recommendation"))))?.status).toBe(200);
  });
});
