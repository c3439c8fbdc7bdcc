/**
 * The hand-written statements of the requests the app serves most: every API call's access
 * check, the recommendation's freshness stamp, and a vote. Each is one indexed round trip that
 * Prisma's query API would spread over several queries (joins across three tables with a
 * computed column, row and advisory locks, an upsert that returns the row it replaced).
 */
import { type Statement, sql, statement } from "./sql";

type Role = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";

/**
 * Whether the request's session is still current, read in the same query as the access check:
 * `sessionLive` is false once the session's sign-in record is deleted (signed out from the
 * account page, a password change elsewhere, signing out everywhere). A request without a
 * session id (an access token, a session issued before sign-in records) reads true, and is
 * held to the account's token version instead. One primary-key lookup.
 */
const SESSION_LIVE = (sessionId: string | null | undefined) =>
  sql`(${sessionId ?? null}::text IS NULL OR EXISTS (
        SELECT 1 FROM sign_in_sessions s WHERE s.id = ${sessionId ?? null}::text AND s.user_id = u.id
      )) AS "sessionLive"`;

/** The session that proves a request, as the access checks take it. */
type SessionParams = { userId: string; sessionId?: string | null };

/** What an access check answers: the team, the caller's role in it, the session's state. */
type Access = { teamId: string; role: Role; tokenVersion: number; sessionLive: boolean };

/** The caller's part of an access check's row, read from their membership `m` and user `u`. */
const MEMBER_COLUMNS = (sessionId: string | null | undefined) =>
  sql`m.role::text AS role, u.token_version AS "tokenVersion", ${SESSION_LIVE(sessionId)}`;

/** A project `p` joined to the caller's membership `m` of its team and to the caller `u`. */
const PROJECT_MEMBER = ({ projectId, userId }: { projectId: string } & SessionParams) =>
  sql`FROM projects p
        JOIN memberships m ON m.team_id = p.team_id AND m.user_id = ${userId}
        JOIN users u ON u.id = m.user_id
        WHERE p.id = ${projectId}`;

/** The signed-in user's current session version: every signed-in request checks it. */
export const sessionVersion: Statement<
  SessionParams,
  { tokenVersion: number; sessionLive: boolean }
> = statement(
  ({ userId, sessionId }) =>
    sql`SELECT u.token_version AS "tokenVersion", ${SESSION_LIVE(sessionId)}
        FROM users u WHERE u.id = ${userId}`,
);

/**
 * The caller's role in a team and their session version, in one round trip: the access check
 * of every team-scoped request.
 */
export const teamAccess: Statement<{ teamId: string } & SessionParams, Access> = statement(
  ({ teamId, userId, sessionId }) =>
    sql`SELECT m.team_id AS "teamId", ${MEMBER_COLUMNS(sessionId)}
        FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.team_id = ${teamId} AND m.user_id = ${userId}`,
);

/**
 * A project's team, the caller's role in it and their session version, in one round trip: the
 * access check of every project-scoped request (most of the traffic).
 */
export const projectAccess: Statement<{ projectId: string } & SessionParams, Access> = statement(
  (params) =>
    sql`SELECT p.team_id AS "teamId", ${MEMBER_COLUMNS(params.sessionId)} ${PROJECT_MEMBER(params)}`,
);

/**
 * A short fingerprint of everything a project's recommendation depends on: its version (raised
 * with each history event, in commit order), its last edit, and its team's voters (who, with
 * which role, under which name). Read before every recommendation is served from cache, so it
 * is computed in the database rather than rows brought back to compare. Not the newest event
 * id: ids are handed out before commit, so a view computed between two racing commits could be
 * kept under the later id without the earlier change.
 */
const STAMP = sql`p.updated_at::text
  || '|' || p.version::text
  || '|' || (SELECT count(*)::text || ':' || coalesce(sum(hashtext(
                m.user_id || ':' || m.role::text || ':' || u.updated_at::text)), 0)::text
             FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.team_id = p.team_id)`;

export const decisionStamp: Statement<{ projectId: string }, { stamp: string | null }> = statement(
  ({ projectId }) => sql`SELECT ${STAMP} AS stamp FROM projects p WHERE p.id = ${projectId}`,
);

/**
 * The access check of a project-scoped read that is served from the recommendation cache,
 * with the project's decision stamp in the same round trip: the most frequent request of all
 * (every open project page reads the recommendation again after each vote).
 */
export const projectAccessAndStamp: Statement<
  { projectId: string } & SessionParams,
  Access & { stamp: string }
> = statement(
  (params) =>
    sql`SELECT p.team_id AS "teamId", ${MEMBER_COLUMNS(params.sessionId)}, ${STAMP} AS stamp
        ${PROJECT_MEMBER(params)}`,
);

/**
 * Inside a retraction's transaction, one round trip: locks the project row (a retraction racing
 * a close waits for it; changes to one project's votes take turns, as the history event each
 * adds raises the project's version under this lock), reads what the change is checked against
 * (status, option keys, the criterion's id) and takes the member's advisory lock on this
 * criterion, which orders their racing requests until the transaction ends. A vote does the
 * same inside `castVote`.
 */
export const lockForVote: Statement<
  { projectId: string; criterionKey: string; userId: string },
  {
    id: string;
    teamId: string;
    status: "DRAFT" | "OPEN" | "DECIDED" | "SUPERSEDED" | "ARCHIVED";
    criterionId: string | null;
    optionKeys: string[];
  }
> = statement(
  ({ projectId, criterionKey, userId }) =>
    sql`SELECT p.id, p.team_id AS "teamId", p.status::text AS status,
          (SELECT c.id FROM criteria c WHERE c.project_id = p.id AND c.key = ${criterionKey}) AS "criterionId",
          ARRAY(SELECT o.key FROM options o WHERE o.project_id = p.id ORDER BY o.position) AS "optionKeys",
          pg_advisory_xact_lock(hashtextextended(${`vote:${projectId}:${criterionKey}:${userId}`}, 0))::text AS "slotLocked"
        FROM projects p
        WHERE p.id = ${projectId}
        FOR NO KEY UPDATE OF p`,
);

/** A vote as stored (scores as the database holds them). */
export type StoredVote = {
  weight: number | null;
  scores: unknown;
  noOpinion: boolean;
  rationale: string | null;
};

/**
 * A vote, in one statement: the `cast_vote` function (its migration,
 * 20261204170000_vote_in_one_statement, says what it does step by step). It locks the project
 * row and the member's slot on the criterion, checks the project is open and the criterion and
 * options exist, upserts the vote and records it in the history, folding a burst of edits into
 * one entry.
 *
 * Why a function: votes on one project take turns on the project's row lock. Sent as several
 * statements in a transaction, the lock was held across the app's round trips, each waiting on
 * a busy event loop; inside one statement it is held only while the database works. The bench
 * measured 2.5 times the votes per second and 2.5 times less CPU per vote (docs/benchmarks.md).
 *
 * No row: the project is not in `teamId`, or the voter is no longer in the team (removed while
 * the vote waited for the project's lock; 20261206101500_vote_checks_voter_role). `savedAt` null:
 * nothing was written, because the voter is a viewer (`voterRole`), the project is not open, the
 * criterion is unknown (`criterionId` null) or a score names an option not in `optionKeys`. Scores are stored for every option, null where none was given.
 * updated_at is stored without a time zone, in UTC.
 */
export const castVote: Statement<
  {
    id: string;
    projectId: string;
    teamId: string;
    criterionKey: string;
    userId: string;
    weight: number | null;
    /** Scores by option key; options left out are stored as null (no score). */
    scores: Record<string, number | null>;
    /** "No opinion" on the whole criterion (weight null, every score null). */
    noOpinion: boolean;
    rationale: string | null;
    /** The history's folding window in seconds (0: every change is its own event). */
    foldSeconds: number;
  },
  {
    status: "DRAFT" | "OPEN" | "DECIDED" | "SUPERSEDED" | "ARCHIVED";
    criterionId: string | null;
    optionKeys: string[];
    savedAt: Date | null;
    recorded: boolean;
    folded: boolean;
    /** The voter's role in the team, read once the project is locked. */
    voterRole: "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";
  }
> = statement(
  (v) =>
    sql`SELECT * FROM cast_vote(${v.id}, ${v.projectId}, ${v.teamId}, ${v.criterionKey}, ${v.userId},
      ${v.weight}::double precision, ${JSON.stringify(v.scores)}::jsonb, ${v.noOpinion}::boolean,
      ${v.rationale}::text, ${v.foldSeconds}::int)`,
);

/** Withdraws a member's vote on one criterion and returns what it was. */
export const deleteVote: Statement<{ criterionId: string; userId: string }, StoredVote> = statement(
  ({ criterionId, userId }) =>
    sql`DELETE FROM votes WHERE criterion_id = ${criterionId} AND user_id = ${userId}
        RETURNING weight, scores, no_opinion AS "noOpinion", rationale`,
);

/**
 * Appends one history event. Every change writes one in its own transaction, votes most of all;
 * a plain INSERT with nothing read back.
 */
export const insertProjectEvent: Statement<
  {
    projectId: string;
    teamId: string;
    actorId: string | null;
    type: string;
    criterionKey: string | null;
    data: unknown;
  },
  never
> = statement(
  (e) =>
    sql`INSERT INTO project_events (project_id, team_id, actor_id, type, criterion_key, data, created_at)
        VALUES (${e.projectId}, ${e.teamId}, ${e.actorId}, ${e.type}, ${e.criterionKey},
          ${JSON.stringify(e.data)}::jsonb, now())`,
);

/**
 * Sign-in attempt counters (table rate_limits), shared by every app instance. A counter counts
 * within a window that starts with its first point and ends at `expire` (milliseconds since the
 * epoch); a point after the window starts a new one. The upsert is one atomic statement, so
 * instances counting the same key at once never lose a point.
 */
export const consumeRateLimit: Statement<
  { key: string; durationMs: number; nowMs: number },
  { points: number; expire: number }
> = statement(
  ({ key, durationMs, nowMs }) =>
    sql`INSERT INTO rate_limits (key, points, expire)
        VALUES (${key}, 1, ${nowMs + durationMs}::bigint)
        ON CONFLICT (key) DO UPDATE SET
          points = CASE WHEN rate_limits.expire IS NULL OR rate_limits.expire <= ${nowMs}::bigint
                        THEN 1 ELSE rate_limits.points + 1 END,
          expire = CASE WHEN rate_limits.expire IS NULL OR rate_limits.expire <= ${nowMs}::bigint
                        THEN ${nowMs + durationMs}::bigint ELSE rate_limits.expire END
        RETURNING points, expire::float8 AS expire`,
);

/** A counter's points and end of window, when its window is still running. */
export const readRateLimit: Statement<
  { key: string; nowMs: number },
  { points: number; expire: number }
> = statement(
  ({ key, nowMs }) =>
    sql`SELECT points, expire::float8 AS expire FROM rate_limits
        WHERE key = ${key} AND expire > ${nowMs}::bigint`,
);

/** Clears a counter (a successful sign-in resets its account-and-address counter). */
export const deleteRateLimit: Statement<{ key: string }, { key: string }> = statement(
  ({ key }) => sql`DELETE FROM rate_limits WHERE key = ${key} RETURNING key`,
);
