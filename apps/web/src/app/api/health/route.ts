import { db } from "~/server/db";

export const dynamic = "force-dynamic";

/** Liveness with database reachability: 200 when PostgreSQL answers, 503 otherwise. */
export async function GET() {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({
      status: "ok",
      database: "reachable",
      databaseLatencyMs: Math.round(performance.now() - started),
    });
  } catch {
    return Response.json(
      { status: "error", database: "unreachable", message: "The database is not answering." },
      { status: 503 },
    );
  }
}
