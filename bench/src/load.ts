import autocannon from "autocannon";
import type { BenchWorld } from "./seed";

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  total: number;
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
  await runOnce(options, Math.min(3, options.durationS)); // warm-up: JIT, caches, pool
  return runOnce(options, options.durationS);
}

function runOnce(options: LoadOptions, durationS: number): Promise<LoadResult> {
  const { world, target, port, cookies } = options;
  let n = 0;
  const origin = `http://127.0.0.1:${port}`;
  const readPath =
    target === "tradeoff"
      ? `/api/trpc/project.recommendation?input=${encodeURIComponent(JSON.stringify({ json: { projectId: world.projectId } }))}`
      : `/recommendation?projectId=${encodeURIComponent(world.projectId)}`;

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
              const i = n++;
              const member = i % world.members.length;
              const auth = cookies[member] ?? "";
              const identity = target === "tradeoff" ? { cookie: auth } : { "x-user-id": auth };
              const write =
                options.scenario === "write" || (options.scenario === "mix" && i % 10 === 0);
              if (!write) {
                return {
                  ...request,
                  method: "GET",
                  path: readPath,
                  headers: { ...identity },
                  body: undefined,
                };
              }
              const vote = {
                projectId: world.projectId,
                criterionKey: world.criteriaKeys[i % world.criteriaKeys.length] ?? "",
                weight: i % 6,
                scores: Object.fromEntries(
                  world.optionKeys.map((key, k) => [key, 1 + ((i + k) % 5)]),
                ),
              };
              return {
                ...request,
                method: "POST",
                path: target === "tradeoff" ? "/api/trpc/vote.cast" : "/vote",
                headers: { ...identity, "content-type": "application/json", origin },
                body: JSON.stringify(target === "tradeoff" ? { json: vote } : vote),
              };
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
        });
      },
    );
    instance.on("error", reject);
  });
}
