import autocannon from "autocannon";
import type { BenchWorld } from "./seed";

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  total: number;
};

export type LoadOptions = {
  scenario: "read" | "write" | "mix";
  target: "tradeoff" | "baseline";
  world: BenchWorld;
  port: number;
  /** Per member: a session cookie (Tradeoff) or the member id (baseline). */
  cookies: string[];
  connections: number;
  durationS: number;
};

/** One stretch of load on one target. */
export type Slice = {
  total: number;
  errors: number;
  /** Response times of the 2xx answers, in milliseconds. */
  latenciesMs: number[];
  seconds: number;
};

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return Number.NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    Number.NaN
  );
}

/** A target's slices together: requests per second over their time, percentiles over all answers. */
export function combine(slices: Slice[]): LoadResult {
  const total = slices.reduce((sum, s) => sum + s.total, 0);
  const seconds = slices.reduce((sum, s) => sum + s.seconds, 0);
  const latencies = slices.flatMap((s) => s.latenciesMs).sort((a, b) => a - b);
  return {
    requestsPerSecond: seconds > 0 ? total / seconds : 0,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    total,
  };
}

/** One read and one vote must succeed before any load is measured. */
export async function smokeTest(
  options: Pick<LoadOptions, "target" | "world" | "port" | "cookies">,
) {
  const requests: { label: string; request: Request }[] = [];
  for (const write of [false, true]) {
    const built = buildRequest({ ...options, scenario: write ? "write" : "read" }, 1);
    requests.push({
      label: write ? "vote" : "recommendation",
      request: new Request(`http://127.0.0.1:${options.port}${built.path}`, {
        method: built.method,
        headers: built.headers,
        body: built.body,
      }),
    });
  }
  for (const { label, request } of requests) {
    const started = performance.now();
    const response = await fetch(request);
    const body = await response.text();
    if (!response.ok) {
      throw new Error(
        `${options.target} answered ${response.status} to a ${label} request: ${body.slice(0, 300)}`,
      );
    }
    console.log(
      `  ${options.target} ${label}: ${response.status} in ${(performance.now() - started).toFixed(0)} ms, ${body.length} bytes`,
    );
  }
}

type BuiltRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
};

/** The `i`th vote of the write load: criteria in turn, changing weights and scores. */
export function benchVote(world: BenchWorld, i: number) {
  return {
    projectId: world.projectId,
    criterionKey: world.criteriaKeys[i % world.criteriaKeys.length] ?? "",
    weight: i % 6,
    scores: Object.fromEntries(world.optionKeys.map((key, k) => [key, 1 + ((i + k) % 5)])),
  };
}

function buildRequest(
  options: Pick<LoadOptions, "scenario" | "target" | "world" | "port" | "cookies">,
  i: number,
): BuiltRequest {
  const { world, target, port, cookies } = options;
  const origin = `http://127.0.0.1:${port}`;
  const member = i % world.members.length;
  const auth = cookies[member] ?? "";
  const identity: Record<string, string> =
    target === "tradeoff" ? { cookie: auth } : { "x-user-id": auth };
  const write = options.scenario === "write" || (options.scenario === "mix" && i % 10 === 0);
  if (!write) {
    const path =
      target === "tradeoff"
        ? `/api/trpc/project.recommendation?input=${encodeURIComponent(JSON.stringify({ projectId: world.projectId }))}`
        : `/recommendation?projectId=${encodeURIComponent(world.projectId)}`;
    return { method: "GET", path, headers: identity };
  }
  const vote = benchVote(world, i);
  return {
    method: "POST",
    path: target === "tradeoff" ? "/api/trpc/vote.cast" : "/vote",
    headers: { ...identity, "content-type": "application/json", origin },
    body: JSON.stringify(vote),
  };
}

/**
 * HTTP load on 127.0.0.1, bounded in time. Requests rotate over the members and, for votes,
 * over the criteria, with changing scores; "mix" sends one vote for every nine reads.
 */
export function runSlice(options: LoadOptions, durationS: number): Promise<Slice> {
  let n = 0;
  return measureSlice({
    url: `http://127.0.0.1:${options.port}`,
    connections: options.connections,
    duration: durationS,
    requests: [
      {
        setupRequest(request) {
          return { ...request, ...buildRequest(options, n++) } as typeof request;
        },
      },
    ],
  });
}

/** A request sent again and again, the same each time. */
export type FixedRequest = { port: number; path: string; method: "GET" | "POST"; body?: string };

/** A fixed request's address, method and JSON body (with its content type) where it has one. */
function fixedInit(request: FixedRequest) {
  return {
    url: `http://127.0.0.1:${request.port}${request.path}`,
    method: request.method,
    ...(request.body === undefined
      ? {}
      : { body: request.body, headers: { "content-type": "application/json" } }),
  };
}

/** Sends a fixed request once. */
export function fetchFixed(request: FixedRequest): Promise<Response> {
  const { url, ...init } = fixedInit(request);
  return fetch(url, init);
}

/** Load of one fixed request for `durationS` seconds; non-2xx answers count as errors. */
export function fixedSlice(
  request: FixedRequest,
  connections: number,
  durationS: number,
): Promise<Slice> {
  return measureSlice({ ...fixedInit(request), connections, duration: durationS });
}

/** One autocannon run (10 s timeout per request): its totals and the 2xx answers' latencies. */
function measureSlice(options: autocannon.Options): Promise<Slice> {
  const latenciesMs: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ timeout: 10, ...options }, (error, result) => {
      if (error) return reject(error);
      resolve({
        total: result.requests.total,
        errors: result.errors + result.timeouts + result.non2xx,
        latenciesMs,
        seconds: result.duration,
      });
    });
    instance.on("response", (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode >= 200 && statusCode < 300) latenciesMs.push(responseTimeMs);
    });
    instance.on("error", reject);
  });
}
