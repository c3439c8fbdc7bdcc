import { poolStats } from "@tradeoff/db";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { db } from "./db";

/**
 * Prometheus metrics of this instance. One registry per process (kept across hot reloads),
 * read by /api/metrics.
 */
type Metrics = {
  registry: Registry;
  procedureDuration: Histogram<"procedure" | "type" | "status">;
  procedureErrors: Counter<"procedure" | "code">;
  activeSubscriptions: Gauge;
};

const globalForMetrics = globalThis as unknown as { tradeoffMetrics?: Metrics };

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "tradeoff_" });
  const procedureDuration = new Histogram({
    name: "tradeoff_trpc_procedure_duration_seconds",
    help: "Time to answer a tRPC procedure call, by procedure, type and outcome (OK or the error code).",
    labelNames: ["procedure", "type", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.08, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const procedureErrors = new Counter({
    name: "tradeoff_trpc_procedure_errors_total",
    help: "tRPC calls that ended in an error, by procedure and error code.",
    labelNames: ["procedure", "code"] as const,
    registers: [registry],
  });
  const activeSubscriptions = new Gauge({
    name: "tradeoff_active_subscriptions",
    help: "Live project streams open on this instance.",
    registers: [registry],
  });
  for (const [name, help, key] of [
    ["tradeoff_db_pool_connections", "Open database connections in the pool.", "total"],
    ["tradeoff_db_pool_idle_connections", "Idle database connections in the pool.", "idle"],
    ["tradeoff_db_pool_waiting_requests", "Queries waiting for a free connection.", "waiting"],
    ["tradeoff_db_pool_max_connections", "Size limit of the pool.", "max"],
  ] as const) {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        db(); // the shared client (and its pool) exists from here
        const stats = poolStats();
        if (stats) this.set(stats[key]);
      },
    });
  }
  return { registry, procedureDuration, procedureErrors, activeSubscriptions };
}

export function metrics(): Metrics {
  globalForMetrics.tradeoffMetrics ??= createMetrics();
  return globalForMetrics.tradeoffMetrics;
}
