import type { PrismaClient } from "@tradeoff/db";
import { loadDecision } from "../project/load-decision";
import { keepTimeline, summarizeVoteEvents } from "./keep-timeline";
import { loadVisibility } from "./project-visibility";
import { changesNeeded, thinPositions } from "./thin-points";

export { downsample } from "./thin-points";

export type TimelineInput = {
  projectId: string;
  teamId: string;
  userId: string;
  maxPoints: number;
};

export type ChartPoint = {
  /** The history entry after which the totals stood like this. */
  eventId: string;
  /** When they began to: the entry's last edit (several edits folded into it) or its only one. */
  at: Date;
  /** Each option's total (0..100), in the order of `options`; null while no criterion is counted. */
  totals: (number | null)[];
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

/**
 * Each option's total after every vote change, for the history chart, thinned to about
 * `maxPoints` (keeping every change of winner); the slider asks `recommendationAt` for exact
 * moments, so thinning never hides one. The points are kept in the database and extended from
 * the last replayed event (`keepTimeline`), so a view reads a few hundred of them whatever the
 * length of the history.
 */
export async function loadTimeline(db: PrismaClient, input: TimelineInput): Promise<Timeline> {
  const [visibility, loaded] = await Promise.all([
    loadVisibility(db, input),
    loadDecision(db, input.projectId, { votes: false }),
  ]);
  const { votes: _votes, ...shape } = loaded.decision;
  const options = shape.options.map((o) => ({ key: o.key, name: o.name ?? o.key }));
  if (visibility.blind) {
    const summary = await summarizeVoteEvents(db, input);
    return {
      options,
      hidden: true,
      voteEventCount: summary.eventCount,
      from: summary.firstAt,
      to: summary.lastAt,
      points: [],
    };
  }

  const kept = await keepTimeline(db, input, {
    shape,
    method: loaded.method,
    voters: loaded.members.map((m) => m.id),
  });
  return {
    options,
    hidden: false,
    voteEventCount: kept.eventCount,
    from: kept.firstAt,
    to: kept.lastAt,
    points: await readPoints(db, input.projectId, kept.pointCount, input.maxPoints),
  };
}

/**
 * The kept points the chart shows: a few hundred index lookups, never the whole history. Each
 * answer is one string built by the database (as the vote events are read), not rows to map.
 */
async function readPoints(
  db: PrismaClient,
  projectId: string,
  count: number,
  max: number,
): Promise<ChartPoint[]> {
  if (count === 0) return [];
  let changes: number[] = [];
  if (count > max) {
    const [found] = await db.$queryRaw<{ positions: string | null }[]>`
      SELECT string_agg(position::text, ',') AS positions FROM (
        SELECT position FROM history_timeline_points
        WHERE project_id = ${projectId} AND winner_changed
        ORDER BY position LIMIT ${changesNeeded(max)}
      ) AS changes`;
    changes = found?.positions ? found.positions.split(",").map(Number) : [];
  }
  const positions = thinPositions(count, max, changes);
  const [read] = await db.$queryRaw<{ points: string | null }[]>`
    SELECT string_agg(concat(event_id, chr(31), (date_part('epoch', at) * 1000)::int8, chr(31),
        winner, chr(31), margin, chr(31), array_to_string(totals, chr(31), '')),
      chr(30) ORDER BY position) AS points
    FROM history_timeline_points
    WHERE project_id = ${projectId} AND position = ANY(${positions}::int[])`;
  if (!read?.points) return [];
  return read.points.split("\x1e").map((record) => {
    const [eventId = "", at, winner, margin, ...totals] = record.split("\x1f");
    return {
      eventId,
      at: new Date(Number(at)),
      totals: totals.map((x) => (x === "" ? null : Number(x))),
      winner: winner || null,
      margin: Number(margin),
    };
  });
}
