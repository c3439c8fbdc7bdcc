import type { PrismaClient } from "@tradeoff/db";
import { type DecisionShape, replay, type TimelinePoint, type VoteEvent } from "@tradeoff/scoring";
import { cleanScores, loadDecision } from "../project/load-decision";
import { loadVisibility } from "./project-visibility";

export type TimelineInput = {
  projectId: string;
  teamId: string;
  userId: string;
  maxPoints: number;
};

export type ChartPoint = {
  /** The vote event after which the totals stood like this. */
  eventId: string;
  at: Date;
  /** Each option's total (0..100), in the order of `options`. */
  totals: number[];
  winner: string | null;
  margin: number;
};

export type Timeline = {
  options: { key: string; name: string }[];
  /** True while a blind project is open: no totals are shown, to anyone, until it closes. */
  hidden: boolean;
  /** How many vote changes the history holds; `points` may keep fewer of them. */
  voteEventCount: number;
  from: Date | null;
  to: Date | null;
  points: ChartPoint[];
};

type VoteRow = {
  id: string;
  actor_id: string | null;
  criterion_key: string | null;
  created_at: Date;
  after: { weight?: unknown; scores?: unknown } | null;
};

/**
 * Each option's total after every vote change, for the history chart. The vote events are read
 * in one query of the few columns replay needs, replayed incrementally, then thinned to about
 * `maxPoints` (keeping every change of winner); the slider asks `recommendationAt` for exact
 * moments, so thinning never hides one.
 */
export async function loadTimeline(db: PrismaClient, input: TimelineInput): Promise<Timeline> {
  const visibility = await loadVisibility(db, input);
  const [loaded, rows] = await Promise.all([
    loadDecision(db, input.projectId),
    db.$queryRaw<VoteRow[]>`
      SELECT id::text AS id, actor_id, criterion_key, created_at, data->'after' AS after
      FROM project_events
      WHERE project_id = ${input.projectId} AND team_id = ${input.teamId}
        AND type IN ('vote.cast', 'vote.retracted')
      ORDER BY id`,
  ]);
  const options = loaded.decision.options.map((o) => ({ key: o.key, name: o.name ?? o.key }));
  const base = {
    options,
    voteEventCount: rows.length,
    from: rows[0]?.created_at ?? null,
    to: rows.at(-1)?.created_at ?? null,
  };
  if (visibility.blind) return { ...base, hidden: true, points: [] };

  const { votes: _votes, ...shape } = loaded.decision;
  const { events, ids } = toVoteEvents(rows, shape, loaded.members);
  const timeline = replay(shape, events, { method: loaded.method });
  return {
    ...base,
    hidden: false,
    points: downsample(timeline, input.maxPoints).map((p) => ({
      eventId: ids[p.index] ?? "",
      at: new Date(p.at),
      totals: p.totals,
      winner: p.winner,
      margin: p.margin,
    })),
  };
}

/**
 * Vote events as replay takes them. Votes of people who no longer vote in the team, and of
 * criteria or options since removed, are left out, as the current recommendation leaves them out:
 * the chart's last point is always today's result.
 */
function toVoteEvents(
  rows: VoteRow[],
  shape: DecisionShape,
  members: { id: string }[],
): { events: VoteEvent[]; ids: string[] } {
  const voters = new Set(members.map((m) => m.id));
  const criteria = new Set(shape.criteria.map((c) => c.key));
  const optionKeys = new Set(shape.options.map((o) => o.key));
  const events: VoteEvent[] = [];
  const ids: string[] = [];
  for (const row of rows) {
    if (!row.actor_id || !voters.has(row.actor_id)) continue;
    if (!row.criterion_key || !criteria.has(row.criterion_key)) continue;
    const weight = row.after && typeof row.after.weight === "number" ? row.after.weight : null;
    events.push({
      at: row.created_at.getTime(),
      voterId: row.actor_id,
      criterionKey: row.criterion_key,
      weight,
      scores: row.after ? cleanScores(row.after.scores, optionKeys) : {},
    });
    ids.push(row.id);
  }
  return { events, ids };
}

/** About `max` points: the last of each equal slice of the history, plus every change of winner. */
export function downsample(points: TimelinePoint[], max: number): TimelinePoint[] {
  if (points.length <= max) return points;
  const keep = new Set<number>([0, points.length - 1]);
  const step = points.length / max;
  for (let b = 1; b <= max; b++) keep.add(Math.min(points.length - 1, Math.ceil(b * step) - 1));
  for (let i = 1; i < points.length && keep.size < max * 2; i++) {
    if (points[i]?.winner !== points[i - 1]?.winner) {
      keep.add(i - 1);
      keep.add(i);
    }
  }
  return [...keep].sort((a, b) => a - b).map((i) => points[i] as TimelinePoint);
}
