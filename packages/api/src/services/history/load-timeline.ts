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
    loadDecision(db, input.projectId),
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

/** The kept points the chart shows: a few hundred index lookups, never the whole history. */
async function readPoints(
  db: PrismaClient,
  projectId: string,
  count: number,
  max: number,
): Promise<ChartPoint[]> {
  if (count === 0) return [];
  const changes =
    count <= max
      ? []
      : await db.$queryRaw<{ position: number }[]>`
          SELECT position FROM history_timeline_points
          WHERE project_id = ${projectId} AND winner_changed
          ORDER BY position LIMIT ${changesNeeded(max)}`;
  const positions = thinPositions(
    count,
    max,
    changes.map((c) => c.position),
  );
  return db.$queryRaw<ChartPoint[]>`
    SELECT event_id::text AS "eventId", at, totals, winner, margin
    FROM history_timeline_points
    WHERE project_id = ${projectId} AND position = ANY(${positions}::int[])
    ORDER BY position`;
}
