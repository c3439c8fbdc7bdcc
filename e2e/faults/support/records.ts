/** What the database holds after a run, read directly (not through the app under test). */
import pg from "pg";

export type StoredVote = {
  userId: string;
  criterionKey: string;
  weight: number | null;
  scores: Record<string, number | null>;
  rationale: string | null;
};

export type StoredEvent = {
  id: string;
  actorId: string | null;
  criterionKey: string | null;
  after: {
    weight: number | null;
    scores: Record<string, number | null>;
    rationale: string | null;
  } | null;
};

export async function readProject(url: string, projectId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const votes = await client.query<StoredVote>(
      `SELECT v.user_id AS "userId", c.key AS "criterionKey", v.weight, v.scores, v.rationale
       FROM votes v JOIN criteria c ON c.id = v.criterion_id WHERE v.project_id = $1`,
      [projectId],
    );
    const events = await client.query<{
      id: string;
      actorId: string | null;
      criterionKey: string | null;
      data: { after?: StoredEvent["after"] };
    }>(
      `SELECT id::text AS id, actor_id AS "actorId", criterion_key AS "criterionKey", data
       FROM project_events WHERE project_id = $1 AND type = 'vote.cast' ORDER BY id`,
      [projectId],
    );
    return {
      votes: votes.rows,
      voteEvents: events.rows.map((e) => ({
        id: e.id,
        actorId: e.actorId,
        criterionKey: e.criterionKey,
        after: e.data.after ?? null,
      })),
    };
  } finally {
    await client.end();
  }
}

/** member id + criterion key: one vote slot. */
export const slotKey = (userId: string, criterionKey: string) => `${userId}|${criterionKey}`;

/** Scores compared whatever order their keys come in (jsonb reorders them). */
export function sameScores(
  a: Record<string, number | null> | null | undefined,
  b: Record<string, number | null> | null | undefined,
): boolean {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const key of keys) if ((a?.[key] ?? null) !== (b?.[key] ?? null)) return false;
  return true;
}
