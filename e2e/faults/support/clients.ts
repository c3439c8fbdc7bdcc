/**
 * Acting as team members over HTTP: session cookies issued with the server's secret (exactly
 * as signing in would), tRPC calls in the wire format, and the live stream read as server-sent
 * events.
 */
import { encodeSessionToken } from "@tradeoff/auth";
import { createPrismaClient } from "@tradeoff/db";
import { type BenchWorld, createAccessTokens, seedBenchWorld } from "../../../bench/src/seed";
import { METRICS_TOKEN } from "./app";

export type { BenchWorld };

/** A team of `members` with the DRF vs FastAPI project, open, everyone's votes in place. */
export async function seedWorld(databaseUrl: string, members: number): Promise<BenchWorld> {
  const db = createPrismaClient(databaseUrl, { poolSize: 4 });
  try {
    return await seedBenchWorld(db, members);
  } finally {
    await db.$disconnect();
  }
}

/** One read-write personal access token per member, in the world's member order. */
export async function accessTokens(databaseUrl: string, world: BenchWorld): Promise<string[]> {
  const db = createPrismaClient(databaseUrl, { poolSize: 2 });
  try {
    return await createAccessTokens(db, world);
  } finally {
    await db.$disconnect();
  }
}

/** One `cookie` header value per member, in the world's member order. */
export function sessionCookies(world: BenchWorld, secret: string): Promise<string[]> {
  return Promise.all(
    world.members.map(async (m) => {
      const token = await encodeSessionToken({ id: m.id, email: m.email, name: m.name }, secret);
      return `next-auth.session-token=${token}`;
    }),
  );
}

export type CallResult = {
  status: number;
  /** The `x-request-id` header of the answer. */
  requestId: string | null;
  /** The response body as sent (checked for stack traces and messages). */
  text: string;
  /** `result.data` of a success, `error` of a failure; null when not tRPC JSON. */
  data: unknown;
  error: {
    message: string;
    data?: {
      code?: string;
      httpStatus?: number;
      requestId?: string | null;
      reason?: string | null;
    };
  } | null;
};

/** Network failure (no HTTP answer at all): the request may or may not have been applied. */
export class NoAnswer extends Error {
  override name = "NoAnswer";
}

async function send(url: string, init: RequestInit): Promise<CallResult> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(20_000) });
    text = await res.text();
  } catch (error) {
    throw new NoAnswer(String((error as Error).cause ?? error));
  }
  let parsed: {
    result?: { data?: unknown };
    error?: CallResult["error"];
  } | null = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return {
    status: res.status,
    requestId: res.headers.get("x-request-id"),
    text,
    data: parsed?.result?.data ?? null,
    error: parsed?.error ?? null,
  };
}

/** POST /api/trpc/<path> as a browser of the app would send it. */
export function mutate(origin: string, cookie: string, path: string, input: unknown) {
  return send(`${origin}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, cookie },
    body: JSON.stringify(input),
  });
}

/**
 * POST /api/trpc/<path> as the CLI sends it: `Authorization: Bearer <token>`, no cookie, no
 * Origin (not a browser).
 */
export function mutateWithToken(origin: string, token: string, path: string, input: unknown) {
  return send(`${origin}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
}

/** GET /api/trpc/<path>?input=... */
export function query(origin: string, cookie: string, path: string, input: unknown) {
  const encoded = encodeURIComponent(JSON.stringify(input));
  return send(`${origin}/api/trpc/${path}?input=${encoded}`, { headers: { cookie } });
}

export type VoteInput = {
  projectId: string;
  criterionKey: string;
  weight: number;
  scores: Record<string, number>;
  rationale: string;
};

/**
 * A vote that differs from any other one sent: its rationale carries a unique tag, so the
 * service records an event for every one and each acknowledgement can be matched to its row.
 */
export function voteFor(world: BenchWorld, n: number, tag: string): VoteInput {
  return {
    projectId: world.projectId,
    criterionKey: world.criteriaKeys[n % world.criteriaKeys.length] ?? "",
    weight: n % 6,
    scores: Object.fromEntries(world.optionKeys.map((key, k) => [key, 1 + ((n + k * 3) % 5)])),
    rationale: tag,
  };
}

/** Reads a metric's value from the instance's Prometheus endpoint. */
export async function readMetric(origin: string, name: string): Promise<number> {
  const res = await fetch(`${origin}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const text = await res.text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  if (!line) throw new Error(`${origin}/api/metrics has no ${name}.`);
  return Number(line.slice(line.lastIndexOf(" ") + 1));
}

export type LiveEvent = { id: string; type: string; actorId: string | null; rationale?: string };

/**
 * The live stream of a project (GET /api/trpc/live.project, server-sent events), read with
 * fetch. Tracked events carry `id:`; `onEvent` gets each project event, `onMessage` any data.
 */
export function openLiveStream(options: {
  origin: string;
  cookie: string;
  projectId: string;
  lastEventId?: string | null;
  onEvent?: (event: LiveEvent) => void;
  onMessage?: () => void;
}) {
  const controller = new AbortController();
  const input = { projectId: options.projectId, lastEventId: options.lastEventId ?? null };
  const url = `${options.origin}/api/trpc/live.project?input=${encodeURIComponent(JSON.stringify(input))}`;
  let settle: (error?: unknown) => void = () => {};
  const ended = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  ended.catch(() => {});
  const opened = (async () => {
    const res = await fetch(url, {
      headers: { cookie: options.cookie, accept: "text/event-stream" },
      signal: controller.signal,
    });
    if (!res.ok || !res.body) {
      throw new Error(`live.project answered ${res.status}: ${await res.text()}`);
    }
    return res.body;
  })();
  void opened
    .then(async (body) => {
      const decoder = new TextDecoder();
      let buffer = "";
      for await (const chunk of body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          handle(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf("\n\n");
        }
      }
      settle();
    })
    .catch((error: unknown) => settle(controller.signal.aborted ? undefined : error));

  function handle(block: string) {
    let id: string | null = null;
    let data = "";
    for (const line of block.split("\n")) {
      if (line.startsWith("id:")) id = line.slice(3).trim();
      else if (line.startsWith("data:")) data += line.slice(5).trim();
    }
    if (!data) return;
    options.onMessage?.();
    if (id === null) return;
    const message = JSON.parse(data) as {
      kind?: string;
      event?: Record<string, unknown>;
    };
    const event = message.event;
    if (message.kind !== "event" || !event) return;
    const after = (event.data as { after?: { rationale?: string } } | undefined)?.after;
    options.onEvent?.({
      id,
      type: String(event.type),
      actorId: (event.actor as { id?: string } | null | undefined)?.id ?? null,
      rationale: after?.rationale,
    });
  }

  return {
    /** Resolves once the server answered (the subscription is registered). */
    opened: opened.then(() => undefined),
    /** Settles when the stream ends: resolves on close or abort, rejects on a broken stream. */
    ended,
    close() {
      controller.abort();
    },
  };
}
