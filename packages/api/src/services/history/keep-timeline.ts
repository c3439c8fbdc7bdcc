import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "@tradeoff/db";
import {
  type DecisionShape,
  LIMITS,
  type Method,
  replay,
  type TimelinePoint,
  type VoteEvent,
} from "@tradeoff/scoring";
import { readScores } from "../project/load-decision";

/** What the replay rests on; a change of any of it replays the whole history again. */
export type ReplayBasis = {
  shape: DecisionShape;
  method: Method;
  /** The members whose votes count, as the recommendation counts them today. */
  voters: string[];
};

export type KeptTimeline = {
  /** Vote changes in the history (those of former members included). */
  eventCount: number;
  /** Points kept: one per vote change that counts today. */
  pointCount: number;
  firstAt: Date | null;
  lastAt: Date | null;
};

/** The keys the rows are read against: a row names its voter and criterion by position. */
type Keys = { options: string[]; criteria: string[]; voters: string[] };

type VoteRow = {
  id: string;
  /** 1-based position in `Keys.voters`; 0 for someone who no longer votes in the team. */
  voter: number;
  /** The actor's id when `voter` is 0 (they may vote again one day), else "". */
  outsider: string;
  /** 1-based position in `Keys.criteria`; 0 for a criterion since removed. */
  criterion: number;
  /** When the state the event leaves began: its last edit (a folded vote) or its only one. */
  at: number;
  /** The vote an event leaves behind: importance then one score per option; null for none. */
  values: (number | null)[];
  /** The event marked the criterion "no opinion". */
  noOpinion: boolean;
  /** The scores are stored as text that is no JSON: the vote cannot be read. */
  scoresUnreadable: boolean;
};

type Head = {
  signature: string | null;
  actors: string[] | null;
  version: number | null;
  lastEventId: string | null;
  eventCount: number | null;
  pointCount: number | null;
  firstAt: Date | null;
  lastAt: Date | null;
  projectVersion: number;
};

/**
 * The project's timeline points as stored in history_timeline_points, brought up to date: a
 * view reads a few hundred of them instead of replaying every vote event each time.
 *
 * When the project's version has moved on, the vote events from the last replayed one on are
 * read and replayed, starting from each member's latest vote per criterion before it (kept with
 * the points). The last replayed event is replayed again because a vote folds only into the
 * project's latest event (updating it in place): no older event can have changed. Vote events
 * draw their ids under the project's row lock, so they commit in id order and none can appear
 * before the last replayed one; one that loses its author (an account deleted) replays the
 * whole history. So does a change of options, criteria, default weights or method, or of who
 * counts among those who have voted (a member who leaves, or one who returns). Views of one
 * project extend it in turn (an advisory lock), so it is replayed once.
 */
export async function keepTimeline(
  db: PrismaClient,
  input: { projectId: string; teamId: string },
  basis: ReplayBasis,
): Promise<KeptTimeline> {
  const current = (head: Head) =>
    head.signature === signatureOf(basis, head.actors ?? []) &&
    head.version === head.projectVersion;
  const fresh = await readHead(db, input.projectId);
  if (fresh && current(fresh)) return kept(fresh);

  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(
        hashtextextended(${`history-timeline:${input.projectId}`}, 0))) AS l`;
      // Read after the lock (another view may have just brought it up to date), and the
      // version before the rows: a change committed while they are read leaves a newer one.
      const head = await readHead(tx, input.projectId);
      if (!head) throw new Error("The project of the timeline was not found.");
      if (current(head)) return kept(head);
      const keys = {
        options: basis.shape.options.map((o) => o.key),
        criteria: basis.shape.criteria.map((c) => c.key),
        voters: basis.voters,
      };
      if (head.signature === signatureOf(basis, head.actors ?? []) && head.lastEventId !== null) {
        const extended = await extend(tx, input, basis, keys, head);
        if (extended) return extended;
      }
      return rebuild(tx, input, basis, keys, head.projectVersion);
    },
    // A first replay of a long history takes a while on a busy machine.
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/**
 * What the points rest on. Of the voters, only those among `actors` (everyone who changed a vote
 * in the replayed history): someone who joins the team changes no point until their first vote.
 */
function signatureOf(basis: ReplayBasis, actors: string[]): string {
  const seen = new Set(actors);
  const rests = {
    options: basis.shape.options.map((o) => o.key),
    criteria: basis.shape.criteria.map((c) => [c.key, c.defaultWeight]),
    method: basis.method,
    voters: basis.voters.filter((id) => seen.has(id)).sort(),
  };
  return createHash("sha256").update(JSON.stringify(rests)).digest("base64url");
}

/** Everyone who changed a vote in `rows`, added to `actors`, sorted. */
function actorsOf(rows: VoteRow[], voters: string[], actors: string[] = []): string[] {
  const seen = new Set(actors);
  for (const row of rows)
    seen.add(row.voter > 0 ? (voters[row.voter - 1] as string) : row.outsider);
  return [...seen].sort();
}

const kept = (head: Head): KeptTimeline => ({
  eventCount: head.eventCount ?? 0,
  pointCount: head.pointCount ?? 0,
  firstAt: head.firstAt,
  lastAt: head.lastAt,
});

async function readHead(
  db: PrismaClient | Prisma.TransactionClient,
  projectId: string,
): Promise<Head | undefined> {
  const [head] = await db.$queryRaw<Head[]>`
    SELECT t.signature, t.actors, t.version, t.last_event_id::text AS "lastEventId",
      t.event_count AS "eventCount", t.point_count AS "pointCount",
      t.first_at AS "firstAt", t.last_at AS "lastAt", p.version AS "projectVersion"
    FROM projects p LEFT JOIN history_timelines t ON t.project_id = p.id
    WHERE p.id = ${projectId}`;
  return head;
}

/** Each member's latest vote per criterion: [voter, criterion, importance, no opinion, ...scores]. */
type StoredVote = [string, string, number | null, boolean, ...(number | null)[]];

async function extend(
  tx: Prisma.TransactionClient,
  input: { projectId: string; teamId: string },
  basis: ReplayBasis,
  keys: Keys,
  head: Head,
): Promise<KeptTimeline | null> {
  const lastId = BigInt(head.lastEventId ?? "0");
  const actors = head.actors ?? [];
  const [kept] = await tx.$queryRaw<
    { state: StoredVote[]; unreadable: string[] | null; actors: number }[]
  >`
    SELECT state, unreadable,
      (SELECT count(*)::int FROM users WHERE id = ANY(${actors}::text[])) AS actors
    FROM history_timelines WHERE project_id = ${input.projectId}`;
  const tail = await loadVoteRows(tx, input, keys, lastId - 1n);
  // The last replayed event is read again: gone (its author's account deleted, or the history
  // not the one replayed) or anyone's account gone, the whole history is replayed. So it is
  // when the kept state cannot be read back (written by hand, or by another version).
  if (!kept || tail[0]?.id !== head.lastEventId || kept.actors !== actors.length) return null;
  if (!isStoredState(kept.state, keys.options.length)) return null;
  if (!Array.isArray(kept.unreadable)) return null;
  const prefix = kept.state.map((vote) => storedToEvent(vote, keys.options));
  const { events, ids, unreadable, unreadableBeforeLast } = toVoteEvents(
    tail,
    keys,
    kept.unreadable,
  );
  const points = replay(basis.shape, prefix.concat(events), { method: basis.method });
  // The last replayed event has its point (the last) unless it does not count (a former member's).
  const start = (head.pointCount ?? 0) - (ids[0] === head.lastEventId ? 1 : 0);
  await tx.$executeRaw`DELETE FROM history_timeline_points
    WHERE project_id = ${input.projectId} AND position >= ${start}`;
  const previousWinner = start > 0 ? (points[prefix.length - 1]?.winner ?? null) : undefined;
  await insertPoints(tx, input.projectId, start, points.slice(prefix.length), {
    ids,
    unreadable,
    previousWinner,
  });
  const last = tail.at(-1) as VoteRow;
  const state = latestVotes(prefix, events, ids, last.id);
  const eventsBefore = (head.eventCount ?? 0) - 1;
  const result: KeptTimeline = {
    eventCount: eventsBefore + tail.length,
    pointCount: start + events.length,
    // The first event is also the last replayed one while there is one: it may have folded.
    firstAt: eventsBefore === 0 ? new Date((tail[0] as VoteRow).at) : head.firstAt,
    lastAt: new Date(last.at),
  };
  const seen = actorsOf(tail, keys.voters, actors);
  await saveHead(tx, input.projectId, {
    ...result,
    signature: signatureOf(basis, seen),
    actors: seen,
    version: head.projectVersion,
    lastEventId: last.id,
    state,
    unreadable: unreadableBeforeLast,
    keys,
  });
  return result;
}

async function rebuild(
  tx: Prisma.TransactionClient,
  input: { projectId: string; teamId: string },
  basis: ReplayBasis,
  keys: Keys,
  version: number,
): Promise<KeptTimeline> {
  const rows = await loadVoteRows(tx, input, keys);
  const { events, ids, unreadable, unreadableBeforeLast } = toVoteEvents(rows, keys);
  const points = replay(basis.shape, events, { method: basis.method });
  await tx.$executeRaw`DELETE FROM history_timeline_points WHERE project_id = ${input.projectId}`;
  await insertPoints(tx, input.projectId, 0, points, {
    ids,
    unreadable,
    previousWinner: undefined,
  });
  const last = rows.at(-1);
  const result: KeptTimeline = {
    eventCount: rows.length,
    pointCount: events.length,
    firstAt: rows[0] ? new Date(rows[0].at) : null,
    lastAt: last ? new Date(last.at) : null,
  };
  const actors = actorsOf(rows, keys.voters);
  await saveHead(tx, input.projectId, {
    ...result,
    signature: signatureOf(basis, actors),
    actors,
    version,
    lastEventId: last?.id ?? "0",
    state: last ? latestVotes([], events, ids, last.id) : [],
    unreadable: unreadableBeforeLast,
    keys,
  });
  return result;
}

/**
 * The latest vote of each member on each criterion among `prefix` then `events`, leaving out
 * the event `lastId` (the next replay reads it again): where the next replay starts.
 */
function latestVotes(
  prefix: VoteEvent[],
  events: VoteEvent[],
  ids: string[],
  lastId: string,
): VoteEvent[] {
  const latest = new Map<string, VoteEvent>();
  const put = (event: VoteEvent) => latest.set(`${event.voterId}\n${event.criterionKey}`, event);
  for (const event of prefix) put(event);
  for (let i = 0; i < events.length; i++) if (ids[i] !== lastId) put(events[i] as VoteEvent);
  return [...latest.values()];
}

/** Whether `state` is the kept votes as `saveHead` writes them, for `optionCount` options. */
function isStoredState(state: unknown, optionCount: number): state is StoredVote[] {
  const value = (x: unknown) => x === null || typeof x === "number";
  return (
    Array.isArray(state) &&
    state.every(
      (vote) =>
        Array.isArray(vote) &&
        vote.length === 4 + optionCount &&
        typeof vote[0] === "string" &&
        typeof vote[1] === "string" &&
        value(vote[2]) &&
        typeof vote[3] === "boolean" &&
        vote.slice(4).every(value),
    )
  );
}

function storedToEvent(vote: StoredVote, options: string[]): VoteEvent {
  const [voterId, criterionKey, weight, noOpinion, ...scores] = vote;
  return {
    at: 0,
    voterId,
    criterionKey,
    weight,
    scores: Object.fromEntries(options.map((key, o) => [key, scores[o] ?? null])),
    ...(noOpinion ? { noOpinion: true } : {}),
  };
}

async function saveHead(
  tx: Prisma.TransactionClient,
  projectId: string,
  head: KeptTimeline & {
    signature: string;
    actors: string[];
    version: number;
    lastEventId: string;
    state: VoteEvent[];
    /** Member and criterion pairs whose latest vote before `lastEventId` cannot be read. */
    unreadable: string[];
    keys: Keys;
  },
) {
  const state: StoredVote[] = head.state.map((e) => [
    e.voterId,
    e.criterionKey,
    e.weight,
    e.noOpinion === true,
    ...head.keys.options.map((key) => e.scores?.[key] ?? null),
  ]);
  await tx.$executeRaw`
    INSERT INTO history_timelines (project_id, signature, actors, version, last_event_id, event_count,
      point_count, first_at, last_at, state, unreadable, updated_at)
    VALUES (${projectId}, ${head.signature}, ${head.actors}::text[], ${head.version}, ${head.lastEventId}::bigint,
      ${head.eventCount}, ${head.pointCount}, ${head.firstAt}, ${head.lastAt},
      ${JSON.stringify(state)}::jsonb, ${head.unreadable}::text[], now())
    ON CONFLICT (project_id) DO UPDATE SET signature = EXCLUDED.signature, actors = EXCLUDED.actors,
      version = EXCLUDED.version, last_event_id = EXCLUDED.last_event_id,
      event_count = EXCLUDED.event_count, point_count = EXCLUDED.point_count,
      first_at = EXCLUDED.first_at, last_at = EXCLUDED.last_at, state = EXCLUDED.state,
      unreadable = EXCLUDED.unreadable, updated_at = now()`;
}

/**
 * Writes points from `start` on in one statement. Each column travels as one string of
 * unit-separated values that the database splits into an array (a single value to pass instead
 * of an array of 100,000 to serialize; an empty value is a null: a total while no criterion is
 * counted, the winner while none wins). `ids[i]` is the event of `points[i]`, `unreadable[i]`
 * how many votes of then it leaves out. `previousWinner`: the winner of the point before `start`
 * (undefined: there is none), to mark a change of winner on the first one.
 */
async function insertPoints(
  tx: Prisma.TransactionClient,
  projectId: string,
  start: number,
  points: TimelinePoint[],
  of: { ids: string[]; unreadable: number[]; previousWinner: string | null | undefined },
) {
  const { ids, unreadable, previousWinner } = of;
  if (points.length === 0) return;
  const optionCount = points[0]?.totals.length ?? 0;
  const column = (value: (p: TimelinePoint, i: number) => string | number) =>
    points.map(value).join("\x1f");
  let before = previousWinner;
  const changed = column((p) => {
    const change = before !== undefined && p.winner !== before;
    before = p.winner;
    return change ? "t" : "f";
  });
  const split = (text: string, type: string) =>
    Prisma.sql`string_to_array(${text}, chr(31), '')::${Prisma.raw(type)}`;
  const columns = [
    split(
      column((_, i) => ids[i] ?? ""),
      "bigint[]",
    ),
    split(
      column((p) => p.at),
      "float8[]",
    ),
    split(
      column((p) => p.winner ?? ""),
      "text[]",
    ),
    split(
      column((p) => p.margin),
      "float8[]",
    ),
    split(changed, "bool[]"),
    split(
      column((_, i) => unreadable[i] ?? 0),
      "int[]",
    ),
    ...Array.from({ length: optionCount }, (_, o) =>
      split(
        column((p) => p.totals[o] ?? ""),
        "float8[]",
      ),
    ),
  ];
  const totals = Array.from({ length: optionCount }, (_, o) => `t${o}`);
  await tx.$executeRaw`
    INSERT INTO history_timeline_points
      (project_id, position, event_id, at, totals, winner, margin, winner_changed, unreadable_votes)
    SELECT ${projectId}, ${start}::int + n::int - 1, e, to_timestamp(a / 1000) AT TIME ZONE 'UTC',
      ${Prisma.raw(optionCount === 0 ? "'{}'::float8[]" : `ARRAY[${totals.join(", ")}]`)}, w, m, c, x
    FROM unnest(${Prisma.join(columns, ", ")})
      WITH ORDINALITY AS u(e, a, w, m, c, x${Prisma.raw(totals.map((t) => `, ${t}`).join(""))}, n)`;
}

const VOTE_ROWS = Prisma.sql`type IN ('vote.cast', 'vote.retracted')
  AND actor_id IS NOT NULL AND criterion_key IS NOT NULL`;

/**
 * The vote events of the project after `afterId`, oldest first, as one string of
 * unit-separated fields built by the database: a single value to transfer and split instead
 * of 100,000 rows to map, and only the numbers replay needs from each payload: the voter and
 * the criterion as their positions in `keys` (a few digits instead of two ids to transfer,
 * split and look up per row). A typed template: keys are parameters, one `->>` per option.
 */
async function loadVoteRows(
  db: Prisma.TransactionClient,
  input: { projectId: string; teamId: string },
  keys: Keys,
  afterId = 0n,
): Promise<VoteRow[]> {
  const scoreColumns = Prisma.join(
    // A score that is no JSON number (the text "5", written around the API) is no score, as
    // the recommendation and the slider read it.
    keys.options.map(
      (key) => Prisma.sql`, chr(31), CASE WHEN jsonb_typeof(after->'scores'->${key}) = 'number'
        THEN after->'scores'->>${key} END`,
    ),
    "",
  );
  const result = await db.$queryRaw<{ rows: string | null }[]>`
    SELECT string_agg(concat(
             id, chr(31), coalesce(array_position(${keys.voters}::text[], actor_id), 0), chr(31),
             coalesce(array_position(${keys.criteria}::text[], criterion_key), 0), chr(31),
             (date_part('epoch', at) * 1000)::int8, chr(31),
             after->>'weight', chr(31), after->>'noOpinion', chr(31),
             CASE WHEN array_position(${keys.voters}::text[], actor_id) IS NULL THEN actor_id END,
             -- Scores stored as text (written around the API) travel as it, base64 so that no
             -- separator can occur in them: only JSON.parse can tell whether they can be read.
             chr(31), CASE WHEN jsonb_typeof(after->'scores') = 'string'
               THEN translate(encode(convert_to(after->>'scores', 'UTF8'), 'base64'), E'\n', '') END
             ${scoreColumns}
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
    const asText = fields[7] ? textScores(fields[7], keys.options) : undefined;
    return {
      id: fields[0] ?? "",
      voter: Number(fields[1]),
      criterion: Number(fields[2]),
      at: Number(fields[3]),
      values: [number(fields[4]), ...(asText ?? fields.slice(8).map(number))],
      noOpinion: fields[5] === "true",
      outsider: fields[6] ?? "",
      scoresUnreadable: asText === null,
    };
  });
}

/**
 * Scores stored as text, in the order of `options`, read as the recommendation reads them
 * (`readScores`): JSON text of an object gives its numbers, other JSON none; null for text that
 * is no JSON, which cannot be read.
 */
function textScores(base64: string, options: string[]): (number | null)[] | null {
  const scores = readScores(Buffer.from(base64, "base64").toString("utf8"), new Set(options));
  return scores && options.map((key) => scores[key] ?? null);
}

/**
 * Vote events as replay takes them. Votes of people who no longer vote in the team, and of
 * criteria since removed, are left out, as the current recommendation leaves them out: the
 * chart's last point is always today's result. So are events whose stored vote cannot be read
 * (an importance or a score out of range or not a number, "no opinion" with values: written
 * around the API, or scores stored as text that is no JSON): the chart shows the rest of the
 * history instead of failing. As the recommendation and the slider do, such a vote leaves the
 * member's vote on the criterion out (replayed as a retraction, so an earlier vote does not stand
 * in for it) until they vote there again, and each point counts how many latest votes it leaves
 * out (`unreadable`), starting from those of `unreadableBefore` ("voter\ncriterion").
 * `unreadableBeforeLast`: those left out before the last row, where the next replay starts.
 */
function toVoteEvents(
  rows: VoteRow[],
  keys: Keys,
  unreadableBefore: readonly string[] = [],
): { events: VoteEvent[]; ids: string[]; unreadable: number[]; unreadableBeforeLast: string[] } {
  const optionKeys = keys.options;
  const events: VoteEvent[] = [];
  const ids: string[] = [];
  const unreadable: number[] = [];
  const leftOut = new Set(unreadableBefore);
  let unreadableBeforeLast = [...leftOut];
  for (const [r, row] of rows.entries()) {
    if (r === rows.length - 1) unreadableBeforeLast = [...leftOut];
    const voterId = keys.voters[row.voter - 1];
    const criterionKey = keys.criteria[row.criterion - 1];
    if (voterId === undefined || criterionKey === undefined) continue;
    const pair = `${voterId}\n${criterionKey}`;
    const read = readable(row);
    if (read) leftOut.delete(pair);
    else leftOut.add(pair);
    const scores: Record<string, number | null> = {};
    for (let o = 0; o < optionKeys.length; o++) {
      scores[optionKeys[o] as string] = read ? (row.values[o + 1] ?? null) : null;
    }
    events.push({
      at: row.at,
      voterId,
      criterionKey,
      weight: read ? (row.values[0] ?? null) : null,
      scores,
      ...(read && row.noOpinion ? { noOpinion: true } : {}),
    });
    ids.push(row.id);
    unreadable.push(leftOut.size);
  }
  return { events, ids, unreadable, unreadableBeforeLast };
}

const within = (x: number | null, min: number, max: number) =>
  x === null || (Number.isFinite(x) && x >= min && x <= max);

/** Whether a stored vote is one replay can take: values in range, nothing with "no opinion". */
function readable(row: VoteRow): boolean {
  if (row.scoresUnreadable) return false;
  const [weight = null, ...scores] = row.values;
  if (row.noOpinion) return row.values.every((x) => x === null);
  return (
    within(weight, LIMITS.minWeight, LIMITS.maxWeight) &&
    scores.every((x) => within(x, LIMITS.minScore, LIMITS.maxScore))
  );
}

/** When the history's first and last vote events' states began, and how many there are. */
export async function summarizeVoteEvents(
  db: PrismaClient,
  input: { projectId: string; teamId: string },
): Promise<{ eventCount: number; firstAt: Date | null; lastAt: Date | null }> {
  const of = Prisma.sql`FROM project_events
    WHERE project_id = ${input.projectId} AND team_id = ${input.teamId} AND ${VOTE_ROWS}`;
  const [row] = await db.$queryRaw<{ count: number; first: Date | null; last: Date | null }[]>`
    SELECT (SELECT count(*)::int ${of}) AS count,
      (SELECT coalesce(last_edit_at, created_at) ${of} ORDER BY id LIMIT 1) AS first,
      (SELECT coalesce(last_edit_at, created_at) ${of} ORDER BY id DESC LIMIT 1) AS last`;
  return { eventCount: row?.count ?? 0, firstAt: row?.first ?? null, lastAt: row?.last ?? null };
}
