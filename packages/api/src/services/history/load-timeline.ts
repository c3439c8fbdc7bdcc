import type { PrismaClient } from "@tradeoff/db";
import { DecisionInputError } from "@tradeoff/scoring";
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
  /**
   * What the point rests on, counted as the slider counts a moment (`history.at`): the voting
   * members of then (today's who had joined by then, or had voted by then) and how many of them
   * had voted. Members who have left since count at no point: the team keeps no record of them.
   */
  membersThen: number;
  votersThen: number;
  /**
   * Latest votes of then (a member's on a criterion) the point leaves out because their stored
   * importance or scores cannot be read, as the slider counts them (`history.at`).
   */
  unreadableVotes: number;
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
  /** Whose votes the points count: today's voting members, the record's voters, or the file's. */
  votersFrom: "current" | "decision" | "import";
  /**
   * Why the chart has no points although votes were cast: the project's stored options or
   * criteria are a shape the scoring package refuses (written around the API). Null otherwise.
   */
  unreadable: string | null;
};

/**
 * Each option's total after every vote change, for the history chart, thinned to about
 * `maxPoints` (keeping every change of winner); the slider asks `recommendationAt` for exact
 * moments, so thinning never hides one. The points are kept in the database and extended from
 * the last replayed event (`keepTimeline`), so a view reads a few hundred of them whatever the
 * length of the history. A project whose stored shape cannot be scored answers without points
 * and says why (`unreadable`), and is logged; votes that cannot be read are left out and each
 * point counts those it leaves out (`keepTimeline`). Neither fails the request.
 */
export async function loadTimeline(db: PrismaClient, input: TimelineInput): Promise<Timeline> {
  const [visibility, loaded] = await Promise.all([
    loadVisibility(db, input),
    loadDecision(db, input.projectId, { votes: false }),
  ]);
  const { votes: _votes, ...shape } = loaded.decision;
  const options = shape.options.map((o) => ({ key: o.key, name: o.name ?? o.key }));
  /** The history's extent without its points: while blind, or when it cannot be scored. */
  const withoutPoints = async (why: Pick<Timeline, "hidden" | "unreadable">): Promise<Timeline> => {
    const summary = await summarizeVoteEvents(db, input);
    return {
      options,
      hidden: why.hidden,
      voteEventCount: summary.eventCount,
      from: summary.firstAt,
      to: summary.lastAt,
      points: [],
      votersFrom: loaded.votersFrom,
      unreadable: why.unreadable,
    };
  };
  if (visibility.blind) return withoutPoints({ hidden: true, unreadable: null });

  let kept: Awaited<ReturnType<typeof keepTimeline>>;
  try {
    kept = await keepTimeline(db, input, {
      shape,
      method: loaded.method,
      voters: loaded.members.map((m) => m.id),
    });
  } catch (error) {
    if (!(error instanceof DecisionInputError)) throw error;
    console.error(`History chart: project ${input.projectId} cannot be replayed: ${error.message}`);
    return withoutPoints({ hidden: false, unreadable: error.message });
  }
  const [points, basis] = await Promise.all([
    readPoints(db, input.projectId, kept.pointCount, input.maxPoints),
    membersBasis(db, input, loaded),
  ]);
  return {
    options,
    hidden: false,
    voteEventCount: kept.eventCount,
    from: kept.firstAt,
    to: kept.lastAt,
    points: points.map((p) => ({ ...p, ...basis(p) })),
    votersFrom: loaded.votersFrom,
    unreadable: null,
  };
}

/**
 * Who each point rests on, as `recommendationAt` counts a moment: of the members whose votes
 * count today, those who had joined the team by the point's time, or had voted by its event
 * (they took part then, whatever their membership says now); and of those, how many had voted.
 * An imported file's voters have no membership to read: each counts from the start.
 */
async function membersBasis(
  db: PrismaClient,
  input: TimelineInput,
  loaded: Awaited<ReturnType<typeof loadDecision>>,
): Promise<(p: { eventId: string; at: Date }) => { membersThen: number; votersThen: number }> {
  const ids = loaded.members.map((m) => m.id);
  const [joined, firstVotes] = await Promise.all([
    loaded.votersFrom === "import"
      ? []
      : db.membership.findMany({
          where: { teamId: loaded.project.teamId, userId: { in: ids } },
          select: { userId: true, createdAt: true },
        }),
    db.$queryRaw<{ actor_id: string; first: string }[]>`
      SELECT actor_id, min(id)::text AS first FROM project_events
      WHERE project_id = ${input.projectId} AND team_id = ${input.teamId} AND type = 'vote.cast'
        AND actor_id = ANY(${ids}::text[])
      GROUP BY actor_id`,
  ]);
  const joinedAt = new Map(joined.map((m) => [m.userId, m.createdAt.getTime()]));
  const firstVote = new Map(firstVotes.map((r) => [r.actor_id, BigInt(r.first)]));
  return (p) => {
    const event = BigInt(p.eventId);
    let membersThen = 0;
    let votersThen = 0;
    for (const id of ids) {
      const voted = (firstVote.get(id) ?? event + 1n) <= event;
      if (voted) votersThen++;
      if (voted || (joinedAt.get(id) ?? Number.NEGATIVE_INFINITY) <= p.at.getTime()) membersThen++;
    }
    return { membersThen, votersThen };
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
): Promise<Omit<ChartPoint, "membersThen" | "votersThen">[]> {
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
        winner, chr(31), margin, chr(31), unreadable_votes, chr(31),
        array_to_string(totals, chr(31), '')),
      chr(30) ORDER BY position) AS points
    FROM history_timeline_points
    WHERE project_id = ${projectId} AND position = ANY(${positions}::int[])`;
  if (!read?.points) return [];
  return read.points.split("\x1e").map((record) => {
    const [eventId = "", at, winner, margin, unreadableVotes, ...totals] = record.split("\x1f");
    return {
      eventId,
      at: new Date(Number(at)),
      totals: totals.map((x) => (x === "" ? null : Number(x))),
      winner: winner || null,
      margin: Number(margin),
      unreadableVotes: Number(unreadableVotes),
    };
  });
}
