import { timingSafeEqual } from "node:crypto";
import { realtimeStats } from "@tradeoff/api";
import { env } from "~/env";
import { isDeployment } from "./deployment";
import { metrics } from "./metrics";

function authorised(request: Request, token: string | undefined) {
  if (!token) return true;
  const given = Buffer.from(request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Prometheus metrics of this process; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`.
 * A production server on its own database (a deployment) without METRICS_TOKEN keeps them off:
 * process and traffic figures are not for anyone who asks. A local run serves them openly.
 * Served by the production server (server.ts) directly, like the tRPC endpoint, so it sees
 * the same process's figures; the route handler serves it under `next dev`.
 */
export async function handleMetricsRequest(request: Request): Promise<Response> {
  const { METRICS_TOKEN, NODE_ENV } = env();
  if (!METRICS_TOKEN && NODE_ENV === "production" && isDeployment()) {
    return Response.json(
      {
        error:
          "Metrics are off on this deployment. Set METRICS_TOKEN (16+ characters) and scrape with `Authorization: Bearer <METRICS_TOKEN>`.",
      },
      { status: 404 },
    );
  }
  if (!authorised(request, METRICS_TOKEN)) {
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
