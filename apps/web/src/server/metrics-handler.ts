import { timingSafeEqual } from "node:crypto";
import { realtimeStats } from "@tradeoff/api";
import { env } from "~/env";
import { metrics } from "./metrics";

function authorised(request: Request, token: string | undefined) {
  if (!token) return true;
  const given = Buffer.from(request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Prometheus metrics of this process; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`.
 * Served by the production server (server.ts) directly, like the tRPC endpoint, so it sees
 * the same process's figures; the route handler serves it under `next dev`.
 */
export async function handleMetricsRequest(request: Request): Promise<Response> {
  if (!authorised(request, env().METRICS_TOKEN)) {
    return Response.json(
      { error: "Metrics need `Authorization: Bearer <METRICS_TOKEN>`." },
      { status: 401, headers: { "www-authenticate": "Bearer" } },
    );
  }
  const { registry, activeSubscriptions } = metrics();
  // Read at scrape time: a stream that ended must stop counting at once.
  activeSubscriptions.set(realtimeStats().listeners);
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType },
  });
}
