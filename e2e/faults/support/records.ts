/** What the database holds after a run, read directly (not through the app under test). */
import { createPrismaClient } from "@tradeoff/db";

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

/** A short-lived client on the test's database; hand-written SQL, bound parameters. */
async function withDatabase<T>(
  url: string,
  read: (query: <Row>(sql: string, ...params: unknown[]) => Promise<Row[]>) => Promise<T>,
): Promise<T> {
  const db = createPrismaClient(url, { poolSize: 1 });
  try {
    return await read((sql, ...params) => db.$queryRawUnsafe(sql, ...params));
  } finally {
    await db.$disconnect();
  }
}

export function readProject(url: string, projectId: string) {
  return withDatabase(url, async (query) => {
    const votes = await query<StoredVote>(
      `SELECT v.user_id AS "userId", c.key AS "criterionKey", v.weight, v.scores, v.rationale
       FROM votes v JOIN criteria c ON c.id = v.criterion_id WHERE v.project_id = $1`,
      projectId,
    );
    const events = await query<{
      id: string;
      actorId: string | null;
      criterionKey: string | null;
      data: { after?: StoredEvent["after"] };
    }>(
      `SELECT id::text AS id, actor_id AS "actorId", criterion_key AS "criterionKey", data
       FROM project_events e WHERE e.project_id = $1 AND e.type = 'vote.cast' ORDER BY e.id`,
      projectId,
    );
    return {
      votes,
      voteEvents: events.map((e) => ({
        id: e.id,
        actorId: e.actorId,
        criterionKey: e.criterionKey,
        after: e.data.after ?? null,
      })),
    };
  });
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

/** The project's scoring input, read the way the recommendation defines it (voting members only). */
export function readDecisionInput(url: string, projectId: string) {
  return withDatabase(url, async (query) => {
    const one = <T>(sql: string) => query<T>(sql, projectId);
    const [project] = await one<{ method: string; quorum: number | null }>(
      `SELECT method::text AS method, quorum FROM projects WHERE id = $1`,
    );
    const options = await one<{ key: string; name: string }>(
      `SELECT key, name FROM options WHERE project_id = $1 ORDER BY position`,
    );
    const criteria = await one<{ key: string; name: string; defaultWeight: number }>(
      `SELECT key, name, default_weight AS "defaultWeight" FROM criteria WHERE project_id = $1 ORDER BY position`,
    );
    const members = await one<{ id: string }>(
      `SELECT m.user_id AS id FROM memberships m JOIN projects p ON p.team_id = m.team_id
       WHERE p.id = $1 AND m.role <> 'VIEWER' ORDER BY m.created_at, m.user_id`,
    );
    const { votes } = await readProject(url, projectId);
    const memberIds = new Set(members.map((m) => m.id));
    const optionKeys = new Set(options.map((o) => o.key));
    return {
      method: project?.method ?? "WEIGHTED_MEAN",
      decision: {
        options,
        criteria,
        members: members.map((m) => m.id),
        votes: votes
          .filter((v) => memberIds.has(v.userId))
          .map((v) => ({
            voterId: v.userId,
            criterionKey: v.criterionKey,
            weight: v.weight,
            scores: Object.fromEntries(
              Object.entries(v.scores ?? {}).filter(([key]) => optionKeys.has(key)),
            ),
          })),
        ...(project?.quorum != null ? { quorum: Math.min(project.quorum, members.length) } : {}),
      },
    };
  });
}

export type StoredDelivery = {
  event: string;
  status: string;
  attempts: { attempt: number; statusCode: number | null; ok: boolean }[];
  /** pg-boss's state of the delivery's jobs, oldest first. */
  jobStates: string[];
};

/** Every webhook delivery of the team, with its attempts and the state of its jobs. */
export function readWebhookDeliveries(url: string, teamId: string) {
  return withDatabase(url, async (query) => {
    const deliveries = await query<{ id: string; event: string; status: string }>(
      `SELECT d.id::text AS id, d.event, d.status::text AS status
       FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
       WHERE w.team_id = $1 ORDER BY d.created_at`,
      teamId,
    );
    const stored: StoredDelivery[] = [];
    for (const delivery of deliveries) {
      const attempts = await query<StoredDelivery["attempts"][number]>(
        `SELECT attempt, status_code AS "statusCode", ok FROM webhook_attempts
         WHERE delivery_id = $1::uuid ORDER BY attempt`,
        delivery.id,
      );
      const jobs = await query<{ state: string }>(
        `SELECT state::text AS state FROM pgboss.job
         WHERE data->>'deliveryId' = $1 ORDER BY created_on`,
        delivery.id,
      );
      stored.push({
        event: delivery.event,
        status: delivery.status,
        attempts,
        jobStates: jobs.map((job) => job.state),
      });
    }
    return stored;
  });
}
