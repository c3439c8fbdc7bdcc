import autocannon from "autocannon";
import type { BenchWorld } from "./seed";

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  total: number;
  /** Requests of the measured run and of its warm-up. */
  totalWithWarmUp: number;
};

type LoadOptions = {
  scenario: "read" | "write" | "mix";
  target: "tradeoff" | "baseline";
  world: BenchWorld;
  port: number;
  /** Per member: a session cookie (Tradeoff) or the member id (baseline). */
  cookies: string[];
  connections: number;
  durationS: number;
};

/**
 * HTTP load on 127.0.0.1, bounded in time. Requests rotate over the members and, for votes,
 * over the criteria, with changing scores; "mix" sends one vote for every nine reads.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const warmUp = await runOnce(options, Math.min(3, options.durationS)); // JIT, caches, pool
  const measured = await runOnce(options, options.durationS);
  return { ...measured, totalWithWarmUp: measured.total + warmUp.total };
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
        ? `/api/trpc/project.recommendation?input=${encodeURIComponent(JSON.stringify({ json: { projectId: world.projectId } }))}`
        : `/recommendation?projectId=${encodeURIComponent(world.projectId)}`;
    return { method: "GET", path, headers: identity };
  }
  const vote = {
    projectId: world.projectId,
    criterionKey: world.criteriaKeys[i % world.criteriaKeys.length] ?? "",
    weight: i % 6,
    scores: Object.fromEntries(world.optionKeys.map((key, k) => [key, 1 + ((i + k) % 5)])),
  };
  return {
    method: "POST",
    path: target === "tradeoff" ? "/api/trpc/vote.cast" : "/vote",
    headers: { ...identity, "content-type": "application/json", origin },
    body: JSON.stringify(target === "tradeoff" ? { json: vote } : vote),
  };
}

function runOnce(options: LoadOptions, durationS: number): Promise<LoadResult> {
  let n = 0;
  const origin = `http://127.0.0.1:${options.port}`;

  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: options.connections,
        duration: durationS,
        timeout: 10,
        requests: [
          {
            setupRequest(request) {
              return { ...request, ...buildRequest(options, n++) } as typeof request;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requestsPerSecond: result.requests.average,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          errors: result.errors + result.timeouts + result.non2xx,
          total: result.requests.total,
          totalWithWarmUp: result.requests.total,
        });
      },
    );
    instance.on("error", reject);
  });
}
