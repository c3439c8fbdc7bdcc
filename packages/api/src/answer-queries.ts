/**
 * The read side of the HTTP API, answered lean. Reads are most of the API's traffic (every open
 * project page refreshes its recommendation after each vote), and most of them are served from
 * the recommendation cache, so the transport's own per-call work decides their cost. tRPC's
 * fetch adapter spends more CPU on a cached read than the read itself: abort signals combined
 * for every call, response streaming and header negotiation that a plain JSON query never uses.
 *
 * `answerQueries` answers a GET for queries (one call, or a batch as the browser's
 * httpBatchLink sends it) through the router's own server-side caller, so every procedure runs
 * exactly as it does behind the adapter (the same middlewares, access checks, input validation
 * and transformer), and writes tRPC's JSON response format (https://trpc.io/docs/rpc).
 *
 * It answers only when every call succeeds. For anything else it returns null and the request
 * goes to tRPC's fetch adapter: mutations, subscriptions, streamed batches, unknown procedures,
 * malformed input, and any call that fails, which the adapter runs again and answers with its
 * own error format (statuses, error shapes, onError reporting). Queries never write, so running
 * a failed one twice changes nothing.
 */

import { appRouter, createCaller } from "./root";
import { serializeToJson, transformer } from "./transformer";
import type { Context } from "./trpc";

type Call = (input: unknown) => Promise<unknown>;

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string } } | undefined
>;

/** The caller's function for a path such as "project.recommendation". */
function callAt(caller: ReturnType<typeof createCaller>, path: string): Call {
  // biome-ignore lint/suspicious/noExplicitAny: walking the caller proxy by a runtime path.
  return path.split(".").reduce<any>((node, key) => node[key], caller) as Call;
}

/** The calls of a GET request for queries only, with their inputs; null if it is anything else. */
function queryCalls(req: Request, endpoint: string, parsedUrl: URL | undefined) {
  if (req.method !== "GET") return null;
  // Streamed batches (httpBatchStreamLink) are the adapter's.
  if (req.headers.get("trpc-accept")) return null;
  const url = parsedUrl ?? new URL(req.url);
  if (!url.pathname.startsWith(`${endpoint}/`)) return null;
  let paths: string[];
  try {
    paths = decodeURIComponent(url.pathname.slice(endpoint.length + 1)).split(",");
  } catch {
    return null;
  }
  const batch = url.searchParams.get("batch") === "1";
  if (!batch && paths.length !== 1) return null;
  if (paths.some((path) => procedures[path]?._def.type !== "query")) return null;

  const raw = url.searchParams.get("input");
  let parsed: unknown;
  try {
    parsed = raw ? JSON.parse(raw) : undefined;
  } catch {
    return null;
  }
  if (batch && parsed !== undefined && (typeof parsed !== "object" || parsed === null)) return null;
  const inputs = paths.map((_, index) => {
    const serialized = batch ? (parsed as Record<string, unknown> | undefined)?.[index] : parsed;
    return serialized === undefined
      ? undefined
      : transformer.input.deserialize(serialized as never);
  });
  return { paths, inputs, batch };
}

export async function answerQueries(
  req: Request,
  options: {
    endpoint: string;
    createContext: () => Promise<Context>;
    /** `new URL(req.url)`, when the caller has parsed it already. */
    url?: URL;
  },
): Promise<Response | null> {
  let calls: ReturnType<typeof queryCalls>;
  try {
    calls = queryCalls(req, options.endpoint, options.url);
  } catch {
    return null; // input the transformer cannot read: the adapter says what is wrong with it
  }
  if (!calls) return null;
  const { paths, inputs, batch } = calls;
  let results: unknown[];
  try {
    const caller = createCaller(await options.createContext());
    results = await Promise.all(paths.map((path, index) => callAt(caller, path)(inputs[index])));
  } catch {
    return null;
  }
  // The envelope is written around each answer's JSON text: `{"result":{"data":…}}`, in an
  // array for a batch, the same characters as JSON.stringify of the envelopes.
  const envelopes = results.map((data) => `{"result":{"data":${serializeToJson(data)}}}`);
  return new Response(batch ? `[${envelopes.join(",")}]` : (envelopes[0] as string), {
    status: 200,
    headers: { "content-type": "application/json", vary: "trpc-accept, accept" },
  });
}
