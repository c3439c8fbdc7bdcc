import { Prisma, type PrismaClient } from "@tradeoff/db";
import type { DecisionInput, Method, Vote } from "@tradeoff/scoring";
import { notFound } from "../../errors";
import { type ArchivedVote, IMPORT_ARCHIVE_ROUND } from "../record/import-archive";
import { orderedCriteria, orderedOptions } from "./select";

export const METHOD_OF = {
  WEIGHTED_MEAN: "weighted-mean",
  MEDIAN: "median",
  BORDA: "borda",
} as const satisfies Record<string, Method>;

type Reader = PrismaClient | Prisma.TransactionClient;

const shapeSelect = {
  id: true,
  teamId: true,
  title: true,
  status: true,
  method: true,
  votingMode: true,
  quorum: true,
  round: true,
  openedAt: true,
  createdById: true,
  options: orderedOptions,
  criteria: orderedCriteria,
} satisfies Prisma.ProjectSelect;

export type LoadedVote = Vote & { rationale: string | null; updatedAt: Date };

export type LoadedDecision = Awaited<ReturnType<typeof loadDecision>>;

/**
 * The voters each recorded decision kept (`decision_records.voter_ids`), for the records that
 * `where` selects (the record's alias is `r`): one row per kept voter who still has an account,
 * in the order recorded (`ord`), and one marker row (`user_id` null) for every record that kept a
 * list, also an empty one. A record without a kept list (made before voters were kept, or
 * imported) has no rows: its project counts the team's current voting members. Columns:
 * `project_id`, `user_id`, `ord`. The project page (loadDecision) and the team dashboard both
 * read a recorded decision's voters from here, so that they show the same result.
 */
export function keptVoterRows(where: Prisma.Sql): Prisma.Sql {
  // The CASE keeps a stray non-array value from ever reaching the array function.
  return Prisma.sql`
    SELECT r.project_id, u.id AS user_id, e.ord
    FROM decision_records r
    CROSS JOIN LATERAL jsonb_array_elements_text(
      CASE WHEN jsonb_typeof(r.voter_ids) = 'array' THEN r.voter_ids ELSE '[]'::jsonb END
    ) WITH ORDINALITY AS e(uid, ord)
    JOIN users u ON u.id = e.uid
    WHERE jsonb_typeof(r.voter_ids) = 'array' AND ${where}
    UNION ALL
    SELECT r.project_id, NULL, NULL::bigint
    FROM decision_records r
    WHERE jsonb_typeof(r.voter_ids) = 'array' AND ${where}`;
}

/** Votes as the scoring package takes them: without reasons or times, "no opinion" only when set. */
export function scoringVotes(votes: readonly Vote[]): Vote[] {
  return votes.map(({ voterId, criterionKey, weight, scores, noOpinion }) => ({
    voterId,
    criterionKey,
    weight,
    scores,
    ...(noOpinion ? { noOpinion: true } : {}),
  }));
}

/** Where a project's voters come from; every place that shows the result says which. */
export type VotersFrom =
  /** The team's voting members now. */
  | "current"
  /** The voting members when the decision was recorded (kept on its record). */
  | "decision"
  /** The file a project was imported from (a JSON export): its voters and their votes. */
  | "import";

/** A member of the exporting team whom the imported file counts but does not name (no votes). */
export const UNNAMED_IMPORTED_MEMBER = "A member the file does not name";

type ShapeRow = Prisma.ProjectGetPayload<{ select: typeof shapeSelect }>;
type MemberRow = {
  projectId: string;
  id: string | null;
  name: string | null;
  email: string | null;
};
type VoteRow = {
  projectId: string;
  userId: string;
  criterionKey: string;
  weight: number | null;
  scores: unknown;
  noOpinion: boolean;
  rationale: string | null;
  updatedAt: Date;
};
type ImportRow = { projectId: string; votes: unknown; eligible: unknown };

/*
 * The reads of a decision, for one project or many (`ids`): one query text each, so the page's
 * read of one project and the records folder's read of hundreds run the same SQL. Raw queries:
 * thousands of votes in one round trip, without a second query for the keys. Rows come per
 * project in the order the decision is assembled from.
 */

/**
 * The voters of each project. A sample project also counts its fictional teammates, who are
 * members of no team; the check on the project keeps every other project from looking at its
 * votes for them. A recorded decision counts the voters it was recorded with (kept on its
 * record), even if they have left the team or become viewers since; one marker row (id null)
 * says so, also when that list is empty. Without a kept list (an open project, an older
 * record): the team's current voting members.
 */
const readMembers = (db: Reader, ids: readonly string[]) =>
  db.$queryRaw<MemberRow[]>`
    WITH kept AS (${keptVoterRows(Prisma.sql`r.project_id = ANY(${ids})`)})
    SELECT project_id AS "projectId", id, name, email FROM (
      SELECT p.id AS project_id, u.id, u.name, u.email, 0 AS sample, m.created_at AS since,
        NULL::bigint AS kept_at
      FROM projects p
      JOIN memberships m ON m.team_id = p.team_id AND m.role <> 'VIEWER'
      JOIN users u ON u.id = m.user_id
      WHERE p.id = ANY(${ids}) AND NOT EXISTS (SELECT 1 FROM kept k WHERE k.project_id = p.id)
      UNION ALL
      SELECT DISTINCT v.project_id, u.id, u.name, u.email, 1 AS sample, u.created_at AS since,
        NULL::bigint
      FROM votes v
      JOIN users u ON u.id = v.user_id AND u.fictional
      WHERE v.project_id = ANY(${ids})
        AND EXISTS (SELECT 1 FROM projects s WHERE s.id = v.project_id AND s.is_sample)
        AND NOT EXISTS (SELECT 1 FROM kept k WHERE k.project_id = v.project_id)
      UNION ALL
      SELECT kept.project_id, u.id, u.name, u.email, 0, NULL::timestamp, kept.ord
      FROM kept JOIN users u ON u.id = kept.user_id
      UNION ALL
      SELECT k.project_id, NULL, NULL, NULL, -1, NULL::timestamp, NULL::bigint
      FROM kept k WHERE k.user_id IS NULL
    ) voters
    ORDER BY project_id, sample, since, kept_at, id`;

/** The current votes of each project, with their criterion's key. */
const readVotes = (db: Reader, ids: readonly string[]) =>
  db.$queryRaw<VoteRow[]>`
    SELECT v.project_id AS "projectId", v.user_id AS "userId", c.key AS "criterionKey",
      v.weight, v.scores, v.no_opinion AS "noOpinion", v.rationale, v.updated_at AS "updatedAt"
    FROM votes v JOIN criteria c ON c.id = v.criterion_id
    WHERE v.project_id = ANY(${ids})`;

/**
 * An imported project's votes, as its file had them (read-only), with the exporting team's
 * number of voting members that the import kept: at most one row per project.
 */
const readImports = (db: Reader, ids: readonly string[]) =>
  db.$queryRaw<ImportRow[]>`
    SELECT DISTINCT ON (r.project_id) r.project_id AS "projectId", r.votes,
      e.data -> 'eligible' AS eligible
    FROM project_rounds r
    LEFT JOIN project_events e ON e.project_id = r.project_id AND e.type = 'project.imported'
    WHERE r.project_id = ANY(${ids}) AND r.round = ${IMPORT_ARCHIVE_ROUND}
    ORDER BY r.project_id`;

/**
 * A project's shape, its current votes and its voters, in four parallel queries (in order inside
 * a transaction), with the scoring package's DecisionInput ready for `aggregate` (or, without
 * votes, for `replay`).
 * Votes of people who are no longer voting members are left out, as they no longer count (a
 * sample project's fictional teammates count there only), except on a recorded decision that
 * kept its voters (`votersFrom: "decision"`): its result stays the one it was recorded with.
 * A project imported from a JSON export and never opened for voting here rests on the file
 * (`votersFrom: "import"`): its archived votes, its voters by the names the file gives, and
 * the exporting team's number of voting members; the importing team's members are no voters.
 */
export async function loadDecision(
  db: Reader,
  projectId: string,
  /** `votes: false`: only the shape and the voters (the history chart replays events instead). */
  opts: { inTransaction?: boolean; votes?: boolean } = {},
) {
  const ids = [projectId];
  const readShape = () => db.project.findUnique({ where: { id: projectId }, select: shapeSelect });
  const readWanted = async () => (opts.votes === false ? [] : readVotes(db, ids));
  // A transaction holds one connection, which runs one query at a time.
  const [project, memberRows, rows, importRows] = opts.inTransaction
    ? [
        await readShape(),
        await readMembers(db, ids),
        await readWanted(),
        await readImports(db, ids),
      ]
    : await Promise.all([readShape(), readMembers(db, ids), readWanted(), readImports(db, ids)]);
  if (!project) throw notFound("Decision project");
  return assembleDecision(project, memberRows, rows, importRows[0], opts.votes !== false);
}

/**
 * loadDecision's answer for many projects at once (the records folder): the same reads, one
 * query each for all of `projectIds` rather than four per project. A project not found is left
 * out of the map.
 */
export async function loadDecisions(db: PrismaClient, projectIds: readonly string[]) {
  const ids = [...projectIds];
  const [shapes, memberRows, voteRows, importRows] = await Promise.all([
    db.project.findMany({ where: { id: { in: ids } }, select: shapeSelect }),
    readMembers(db, ids),
    readVotes(db, ids),
    readImports(db, ids),
  ]);
  const byProject = <R extends { projectId: string }>(rows: R[]) => {
    const map = new Map<string, R[]>();
    for (const row of rows) {
      const list = map.get(row.projectId);
      if (list) list.push(row);
      else map.set(row.projectId, [row]);
    }
    return map;
  };
  const members = byProject(memberRows);
  const votes = byProject(voteRows);
  const imports = byProject(importRows);
  const loaded = new Map<string, LoadedDecision>();
  for (const shape of shapes)
    loaded.set(
      shape.id,
      assembleDecision(
        shape,
        members.get(shape.id) ?? [],
        votes.get(shape.id) ?? [],
        imports.get(shape.id)?.[0],
        true,
      ),
    );
  return loaded;
}

/** A project's decision from its rows (loadDecision's and loadDecisions' reads). */
function assembleDecision(
  project: ShapeRow,
  memberRows: readonly MemberRow[],
  rows: readonly VoteRow[],
  importRow: ImportRow | undefined,
  withVotes: boolean,
) {
  const optionKeys = new Set(project.options.map((o) => o.key));
  // Once the importing team opens the project for voting, its own members and votes count.
  const imported = project.openedAt === null ? importedVoters(importRow, optionKeys) : null;
  // The marker row of a decision's kept voters sorts first.
  const votersFrom: VotersFrom = imported
    ? "import"
    : memberRows[0]?.id === null
      ? "decision"
      : "current";
  const members = imported
    ? imported.members
    : memberRows.flatMap((m) =>
        m.id === null ? [] : [{ id: m.id, name: m.name ?? m.email ?? "Someone" }],
      );
  const memberIds = new Set(members.map((m) => m.id));
  const noVotes = { votes: [], unreadableVotes: 0 };
  const { votes, unreadableVotes } = imported
    ? withVotes
      ? imported
      : noVotes
    : readableVotes(
        rows.flatMap((row) => (memberIds.has(row.userId) ? [{ ...row, voterId: row.userId }] : [])),
        optionKeys,
      );

  const shape = project;
  const decision: DecisionInput = {
    options: project.options.map(({ key, name }) => ({ key, name })),
    criteria: project.criteria.map(({ key, name, defaultWeight }) => ({
      key,
      name,
      defaultWeight,
    })),
    votes: scoringVotes(votes),
    members: members.map((m) => m.id),
    // A quorum larger than the team cannot be met; the scoring package refuses it, so cap it.
    ...(project.quorum != null ? { quorum: Math.min(project.quorum, members.length) } : {}),
  };
  return {
    project: shape,
    members,
    votersFrom,
    votes,
    /** How many stored votes were left out because their scores cannot be read. */
    unreadableVotes,
    decision,
    method: METHOD_OF[project.method],
  };
}

/**
 * The voters and votes of an imported file's archive: each voter once, in the order the file
 * lists their votes, named as the file names them, then one unnamed member for each of the
 * exporting team's voting members who did not vote (the file counts them, `eligible`).
 */
function importedVoters(
  row: { votes: unknown; eligible: unknown } | undefined,
  optionKeys: Set<string>,
): {
  members: { id: string; name: string }[];
  votes: LoadedVote[];
  unreadableVotes: number;
} | null {
  // JSON columns read raw may arrive as text.
  const parsed = (raw: unknown) => (typeof raw === "string" ? JSON.parse(raw) : raw);
  const archived = parsed(row?.votes);
  if (!Array.isArray(archived)) return null;
  const names = new Map<string, string>();
  for (const v of archived as ArchivedVote[])
    if (!names.has(v.voterId)) names.set(v.voterId, v.member);
  const members = [...names].map(([id, name]) => ({ id, name }));
  const count = parsed(row?.eligible);
  const eligible = typeof count === "number" ? count : 0;
  for (let i = members.length; i < eligible; i++) {
    members.push({ id: `imported-member-${i + 1}`, name: UNNAMED_IMPORTED_MEMBER });
  }
  return { members, ...readableVotes(archived as ArchivedVote[], optionKeys) };
}

/**
 * Stored votes (current rows, or an imported file's archive) as a recommendation reads them.
 * A vote whose stored scores cannot be read is left out of the count and counted in
 * `unreadableVotes`, so that readers can say so.
 */
export function readableVotes(
  stored: readonly {
    voterId: string;
    criterionKey: string;
    weight: number | null;
    scores: unknown;
    noOpinion?: boolean;
    rationale: string | null;
    updatedAt: Date | string;
  }[],
  optionKeys: Set<string>,
): { votes: LoadedVote[]; unreadableVotes: number } {
  const votes: LoadedVote[] = [];
  let unreadableVotes = 0;
  for (const v of stored) {
    const scores = readScores(v.scores, optionKeys);
    if (!scores) {
      unreadableVotes++;
      continue;
    }
    votes.push({
      voterId: v.voterId,
      criterionKey: v.criterionKey,
      weight: v.weight,
      scores,
      ...(v.noOpinion ? { noOpinion: true } : {}),
      rationale: v.rationale,
      updatedAt: new Date(v.updatedAt),
    });
  }
  return { votes, unreadableVotes };
}

/**
 * Scores as stored (JSON), keeping only current options and numbers; null when the stored value
 * cannot be read at all (text that is no JSON, written around the API). Readers of a
 * recommendation leave such a vote out and say how many they left out.
 */
export function readScores(
  raw: unknown,
  optionKeys: Set<string>,
): Record<string, number | null> | null {
  const scores: Record<string, number | null> = {};
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (!optionKeys.has(key)) continue;
      scores[key] = typeof value === "number" ? value : null;
    }
  }
  return scores;
}

/** `readScores` for readers that fail on scores that cannot be read. */
export function cleanScores(raw: unknown, optionKeys: Set<string>): Record<string, number | null> {
  const scores = readScores(raw, optionKeys);
  if (!scores) throw new SyntaxError("Stored scores are not JSON.");
  return scores;
}
