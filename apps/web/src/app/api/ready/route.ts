import { failedJobCounts } from "@tradeoff/db/jobs";
import { migrationStatus } from "@tradeoff/db/migrate";
import { env } from "~/env";
import { db } from "~/server/db";
import { deploymentWarnings } from "~/server/deployment";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when the database answers and every migration in the build is applied,
 * 503 otherwise (a load balancer should not send traffic here yet). `warnings` lists what an
 * operator should fix without taking the instance out of rotation (a demo account, say);
 * `failedJobs` counts, per queue, background jobs (emails, reminders) that failed for good
 * (details: `SELECT * FROM pgboss.job WHERE state = 'failed'`; webhook deliveries have their
 * own log in the team settings).
 */
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    return Response.json(
      { status: "unavailable", database: "unreachable", message: "The database is not answering." },
      { status: 503 },
    );
  }
  try {
    const { pending } = await migrationStatus(env().DATABASE_URL);
    if (pending.length > 0) {
      return Response.json(
        {
          status: "unavailable",
          database: "reachable",
          pendingMigrations: pending,
          message: "Migrations are pending: run `npm run db:migrate` (npm start applies them).",
        },
        { status: 503 },
      );
    }
    const [warnings, failedJobs] = await Promise.all([deploymentWarnings(), failedJobCounts(db())]);
    return Response.json({
      status: "ready",
      database: "reachable",
      pendingMigrations: [],
      warnings,
      failedJobs,
    });
  } catch {
    return Response.json(
      {
        status: "unavailable",
        database: "reachable",
        message: "Could not read the migration status.",
      },
      { status: 503 },
    );
  }
}
