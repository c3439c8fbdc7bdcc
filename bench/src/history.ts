import { createPrismaClient } from "@tradeoff/db";
import type { BenchWorld } from "./seed";

const EVENTS = 100_000;

/**
 * The project's history grown to 100,000 vote events (written with SQL, spread over the members
 * and criteria), then timed over HTTP as a member's browser asks for it: the History tab's
 * chart, and the streamed JSON export. The chart's first view replays the whole history, as
 * every load did before its points were kept; then members' first loads of the History tab (the
 * kept points read), and its refreshes after a vote (the kept points extended by it).
 */
export async function measureHistory(options: {
  databaseUrl: string;
  world: BenchWorld;
  port: number;
  cookie: string;
  /** Other members' sessions: each opens the History tab once. */
  otherCookies: string[];
}) {
  const { world } = options;
  const db = createPrismaClient(options.databaseUrl, { poolSize: 1 });
  try {
    // One set-based statement: 100,000 rows through Prisma's createMany would take minutes.
    await db.$executeRawUnsafe(
      `INSERT INTO project_events (project_id, team_id, actor_id, type, criterion_key, data, created_at)
       SELECT $1, $2, ($3::text[])[1 + g % $4], 'vote.cast', ($5::text[])[1 + g % $6],
              jsonb_build_object('before', null, 'after', jsonb_build_object(
                'weight', g % 6,
                'scores', jsonb_build_object('drf', 1 + g % 5, 'fastapi', 1 + (g * 7) % 5),
                'rationale', null)),
              now() - interval '2 days' + g * interval '1 second'
       FROM generate_series(1, ${EVENTS}) AS g`,
      world.projectId,
      world.teamId,
      world.members.map((m) => m.id),
      world.members.length,
      world.criteriaKeys,
      world.criteriaKeys.length,
    );
  } finally {
    await db.$disconnect();
  }

  const origin = `http://127.0.0.1:${options.port}`;
  const input = encodeURIComponent(JSON.stringify({ projectId: world.projectId }));
  const timed = async (path: string, init: RequestInit = {}) => {
    const started = performance.now();
    const response = await fetch(`${origin}${path}`, {
      ...init,
      headers: { cookie: options.cookie, ...(init.headers ?? {}) },
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (!response.ok)
      throw new Error(`${path} answered ${response.status}: ${body.toString().slice(0, 200)}`);
    return { ms: performance.now() - started, bytes: body.length, body };
  };

  const chart = (cookie: string) =>
    timed(`/api/trpc/history.timeline?input=${input}`, { headers: { cookie } });
  const replayed = await chart(options.cookie);
  const firstLoads: number[] = [];
  for (const cookie of options.otherCookies.slice(0, 5)) {
    firstLoads.push((await chart(cookie)).ms);
  }
  const refreshes: number[] = [];
  for (let i = 0; i < 5; i++) {
    await timed("/api/trpc/vote.cast", {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({
        projectId: world.projectId,
        criterionKey: world.criteriaKeys[i % world.criteriaKeys.length],
        weight: i % 6,
        scores: { drf: 1 + (i % 5), fastapi: 5 - (i % 5) },
      }),
    });
    refreshes.push((await timed(`/api/trpc/history.timeline?input=${input}`)).ms);
  }
  const pointsOf = (body: Buffer) =>
    (JSON.parse(body.toString()) as { result?: { data?: { points?: unknown[] } } }).result?.data
      ?.points?.length ?? 0;

  const exported = await timed(`/api/export/${world.projectId}?format=json`);
  return {
    events: EVENTS,
    chartReplayedMs: replayed.ms,
    chartFirstLoadMs: firstLoads,
    chartPoints: pointsOf(replayed.body),
    chartRefreshMs: refreshes,
    exportJsonMs: exported.ms,
    exportJsonBytes: exported.bytes,
  };
}
