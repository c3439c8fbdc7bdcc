import { Prisma, type PrismaClient } from "@tradeoff/db";
import { replay, type TimelinePoint, type VoteEvent } from "@tradeoff/scoring";
import { loadDecision } from "../project/load-decision";
import { loadVisibility } from "./project-visibility";

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
 * Each option's total after every vote change, for the history chart. The vote events are read
 * in one query of the few columns replay needs, replayed incrementally, then thinned to about
 * `maxPoints` (keeping every change of winner); the slider asks `recommendationAt` for exact
 * moments, so thinning never hides one.
 */
export async function loadTimeline(db: PrismaClient, input: TimelineInput): Promise<Timeline> {
  const [visibility, loaded] = await Promise.all([
    loadVisibility(db, input),
    loadDecision(db, input.projectId),
  ]);
  const { votes: _votes, ...shape } = loaded.decision;
  const keys = {
    options: shape.options.map((o) => o.key),
    criteria: shape.criteria.map((c) => c.key),
    voters: loaded.members.map((m) => m.id),
  };
  const rows = await voteRowsOf(db, input, keys);
  const options = shape.options.map((o) => ({ key: o.key, name: o.name ?? o.key }));
  const base = {
    options,
    voteEventCount: rows.length,
    from: rows[0] ? new Date(rows[0].at) : null,
    to: rows.at(-1) ? new Date((rows.at(-1) as VoteRow).at) : null,
  };
  if (visibility.blind) return { ...base, hidden: true, points: [] };

  const { events, ids } = toVoteEvents(rows, keys);
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

/** The keys the rows are read against: a row names its voter and criterion by position. */
type Keys = { options: string[]; criteria: string[]; voters: string[] };

type VoteRow = {
  id: string;
  /** 1-based position in `Keys.voters`; 0 for someone who no longer votes in the team. */
  voter: number;
  /** 1-based position in `Keys.criteria`; 0 for a criterion since removed. */
  criterion: number;
  /** When the state the event leaves began: its last edit (a folded vote) or its only one. */
  at: number;
  /** The vote an event leaves behind: importance then one score per option; null for none. */
  values: (number | null)[];
  /** The event marked the criterion "no opinion". */
  noOpinion: boolean;
};

type CachedRows = {
  /** The keys the rows were read against (a change of voters renumbers them). */
  signature: string;
  /** projects.version when the rows were read: raised by every event added or folded into. */
  version: number;
  rows: VoteRow[];
};

/**
 * The last projects' vote rows in this process, kept while the project's version is unchanged.
 * Every vote refreshes the chart of everyone viewing the History tab, so a refresh reads only
 * the tail: events after the last cached one, and that one again, as a vote folded since may
 * have changed it (a vote only ever folds into the project's latest event, so no older one can
 * have changed). A count proves the result is exactly the table's (an event committed late
 * with a smaller id changes it, and the rows are read again).
 */
const rowCache = new Map<string, CachedRows>();
const CACHED_PROJECTS = 16;

/** Empties the cache, so a measurement sees a first load (tests). */
export function forgetCachedVoteRows(): void {
  rowCache.clear();
}

const VOTE_ROWS = Prisma.sql`type IN ('vote.cast', 'vote.retracted')
  AND actor_id IS NOT NULL AND criterion_key IS NOT NULL`;

async function voteRowsOf(
  db: PrismaClient,
  input: { projectId: string; teamId: string },
  keys: Keys,
): Promise<VoteRow[]> {
  const key = `${input.teamId}/${input.projectId}`;
  const signature = JSON.stringify(keys);
  // Read before the rows: a change committed while they are read leaves a newer version.
  const [stats] = await db.$queryRaw<{ version: number; count: number }[]>`
    SELECT p.version, (SELECT count(*)::int FROM project_events
      WHERE project_id = p.id AND team_id = ${input.teamId} AND ${VOTE_ROWS}) AS count
    FROM projects p WHERE p.id = ${input.projectId}`;
  const version = stats?.version ?? 0;
  const cached = rowCache.get(key);
  let rows: VoteRow[] | null = null;
  if (cached && cached.signature === signature) {
    if (cached.version === version) rows = cached.rows;
    else {
      const last = cached.rows.at(-1);
      const tail = await loadVoteRows(db, input, keys, last ? BigInt(last.id) - 1n : 0n);
      const kept = last && tail[0]?.id === last.id ? cached.rows.slice(0, -1) : cached.rows;
      if (kept.length + tail.length === stats?.count) rows = kept.concat(tail);
    }
  }
  rows ??= await loadVoteRows(db, input, keys);
  rowCache.delete(key);
  rowCache.set(key, { signature, version, rows });
  for (const oldest of rowCache.keys()) {
    if (rowCache.size <= CACHED_PROJECTS) break;
    rowCache.delete(oldest);
  }
  return rows;
}

/**
 * Every vote event of the project after `afterId`, oldest first, as one string of
 * unit-separated fields built by the database: a single value to transfer and split instead
 * of 100,000 rows to map, and only the numbers replay needs from each payload: the voter and
 * the criterion as their positions in `keys` (a few digits instead of two ids to transfer,
 * split and look up per row). A typed template: keys are parameters, one `->>` per option.
 */
async function loadVoteRows(
  db: PrismaClient,
  input: { projectId: string; teamId: string },
  keys: Keys,
  afterId = 0n,
): Promise<VoteRow[]> {
  const scoreColumns = Prisma.join(
    keys.options.map((key) => Prisma.sql`, chr(31), after->'scores'->>${key}`),
    "",
  );
  const result = await db.$queryRaw<{ rows: string | null }[]>`
    SELECT string_agg(concat(
             id, chr(31), coalesce(array_position(${keys.voters}::text[], actor_id), 0), chr(31),
             coalesce(array_position(${keys.criteria}::text[], criterion_key), 0), chr(31),
             (date_part('epoch', at) * 1000)::int8, chr(31),
             after->>'weight', chr(31), after->>'noOpinion'${scoreColumns}
           ), chr(30)) AS rows
    FROM (
      -- The inner ORDER BY follows the (project_id, id) index, so the aggregate needs no sort.
      SELECT id, actor_id, criterion_key, coalesce(last_edit_at, created_at) AS at,
        data->'after' AS after
      FROM project_events
      WHERE project_id = ${input.projectId} AND team_id = ${input.teamId} AND ${VOTE_ROWS}
        AND id > ${afterId.toString()}::bigint
      ORDER BY id
    ) AS votes`;
  const text = result[0]?.rows;
  if (!text) return [];
  const number = (field: string | undefined) => (field ? Number(field) : null);
  return text.split("\x1e").map((record) => {
    const fields = record.split("\x1f");
    return {
      id: fields[0] ?? "",
      voter: Number(fields[1]),
      criterion: Number(fields[2]),
      at: Number(fields[3]),
      values: [number(fields[4]), ...fields.slice(6).map(number)],
      noOpinion: fields[5] === "true",
    };
  });
}

/**
 * Vote events as replay takes them. Votes of people who no longer vote in the team, and of
 * criteria since removed, are left out, as the current recommendation leaves them out: the
 * chart's last point is always today's result.
 */
function toVoteEvents(rows: VoteRow[], keys: Keys): { events: VoteEvent[]; ids: string[] } {
  const optionKeys = keys.options;
  const events: VoteEvent[] = [];
  const ids: string[] = [];
  for (const row of rows) {
    const voterId = keys.voters[row.voter - 1];
    const criterionKey = keys.criteria[row.criterion - 1];
    if (voterId === undefined || criterionKey === undefined) continue;
    const scores: Record<string, number | null> = {};
    for (let o = 0; o < optionKeys.length; o++) {
      scores[optionKeys[o] as string] = row.values[o + 1] ?? null;
    }
    events.push({
      at: row.at,
      voterId,
      criterionKey,
      weight: row.values[0] ?? null,
      scores,
      ...(row.noOpinion ? { noOpinion: true } : {}),
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
  for (let i = 1; i < points.length && keep.size < max * 2 - 1; i++) {
    if (points[i]?.winner !== points[i - 1]?.winner) {
      keep.add(i - 1);
      keep.add(i);
    }
  }
  return [...keep].sort((a, b) => a - b).map((i) => points[i] as TimelinePoint);
}
