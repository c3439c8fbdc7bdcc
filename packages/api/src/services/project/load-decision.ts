import type { Prisma, PrismaClient } from "@tradeoff/db";
import type { DecisionInput, Method, Vote } from "@tradeoff/scoring";
import { notFound } from "../../errors";
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
  createdById: true,
  options: orderedOptions,
  criteria: orderedCriteria,
} satisfies Prisma.ProjectSelect;

export type LoadedVote = Vote & { rationale: string | null; updatedAt: Date };

export type LoadedDecision = Awaited<ReturnType<typeof loadDecision>>;

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

/**
 * A project's shape, its current votes and its voters, in three parallel queries (in order inside a
 * transaction), with the
 * scoring package's DecisionInput ready for `aggregate` (or, without votes, for `replay`).
 * Votes of people who are no longer voting members are left out, as they no longer count (a
 * sample project's fictional teammates count there only), except on a recorded decision that
 * kept its voters (`votersFrom: "decision"`): its result stays the one it was recorded with.
 */
export async function loadDecision(
  db: Reader,
  projectId: string,
  /** `votes: false`: only the shape and the voters (the history chart replays events instead). */
  opts: { inTransaction?: boolean; votes?: boolean } = {},
) {
  const readShape = () => db.project.findUnique({ where: { id: projectId }, select: shapeSelect });
  // Raw queries: thousands of votes in one round trip, without a second query for the keys.
  // A sample project also counts its fictional teammates, who are members of no team; the
  // one-row check on the project keeps every other project from looking at its votes for them.
  // A recorded decision counts the voters it was recorded with (kept on its record), even if
  // they have left the team or become viewers since; one marker row (id null) says so, also
  // when that list is empty. Without a kept list (an open project, an older record): the
  // team's current voting members.
  const readMembers = () =>
    db.$queryRaw<{ id: string | null; name: string | null; email: string | null }[]>`
      WITH kept AS (
        SELECT r.voter_ids FROM decision_records r
        WHERE r.project_id = ${projectId} AND jsonb_typeof(r.voter_ids) = 'array'
      )
      SELECT id, name, email FROM (
        SELECT u.id, u.name, u.email, 0 AS sample, m.created_at AS since, NULL::bigint AS kept_at
        FROM projects p
        JOIN memberships m ON m.team_id = p.team_id AND m.role <> 'VIEWER'
        JOIN users u ON u.id = m.user_id
        WHERE p.id = ${projectId} AND NOT EXISTS (SELECT 1 FROM kept)
        UNION ALL
        SELECT DISTINCT u.id, u.name, u.email, 1 AS sample, u.created_at AS since, NULL::bigint
        FROM votes v
        JOIN users u ON u.id = v.user_id AND u.fictional
        WHERE v.project_id = ${projectId}
          AND EXISTS (SELECT 1 FROM projects s WHERE s.id = ${projectId} AND s.is_sample)
          AND NOT EXISTS (SELECT 1 FROM kept)
        UNION ALL
        SELECT u.id, u.name, u.email, 0, NULL::timestamp, e.ord
        FROM kept CROSS JOIN jsonb_array_elements_text(kept.voter_ids) WITH ORDINALITY AS e(uid, ord)
        JOIN users u ON u.id = e.uid
        UNION ALL
        SELECT NULL, NULL, NULL, -1, NULL::timestamp, NULL::bigint FROM kept
      ) voters
      ORDER BY sample, since, kept_at, id`;
  const readVotes = () =>
    db.$queryRaw<
      {
        userId: string;
        criterionKey: string;
        weight: number | null;
        scores: unknown;
        noOpinion: boolean;
        rationale: string | null;
        updatedAt: Date;
      }[]
    >`
      SELECT v.user_id AS "userId", c.key AS "criterionKey", v.weight, v.scores,
        v.no_opinion AS "noOpinion", v.rationale, v.updated_at AS "updatedAt"
      FROM votes v JOIN criteria c ON c.id = v.criterion_id
      WHERE v.project_id = ${projectId}`;
  const readWanted = async () => (opts.votes === false ? [] : readVotes());
  // A transaction holds one connection, which runs one query at a time.
  const [project, memberRows, rows] = opts.inTransaction
    ? [await readShape(), await readMembers(), await readWanted()]
    : await Promise.all([readShape(), readMembers(), readWanted()]);
  if (!project) throw notFound("Decision project");

  // The marker row of a decision's kept voters sorts first.
  const votersFrom: "decision" | "current" = memberRows[0]?.id === null ? "decision" : "current";
  const members = memberRows.flatMap((m) =>
    m.id === null ? [] : [{ id: m.id, name: m.name ?? m.email ?? "Someone" }],
  );
  const memberIds = new Set(members.map((m) => m.id));
  const optionKeys = new Set(project.options.map((o) => o.key));
  const votes: LoadedVote[] = [];
  for (const row of rows) {
    if (!memberIds.has(row.userId)) continue;
    votes.push({
      voterId: row.userId,
      criterionKey: row.criterionKey,
      weight: row.weight,
      scores: cleanScores(row.scores, optionKeys),
      ...(row.noOpinion ? { noOpinion: true } : {}),
      rationale: row.rationale,
      updatedAt: row.updatedAt,
    });
  }

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
    decision,
    method: METHOD_OF[project.method],
  };
}

/** Scores as stored (JSON), keeping only current options and numbers. */
export function cleanScores(raw: unknown, optionKeys: Set<string>): Record<string, number | null> {
  const scores: Record<string, number | null> = {};
  if (typeof raw === "string") raw = JSON.parse(raw);
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (!optionKeys.has(key)) continue;
      scores[key] = typeof value === "number" ? value : null;
    }
  }
  return scores;
}
