import { type PrismaClient, sql } from "@tradeoff/db";

/**
 * A short fingerprint of everything a project's recommendation depends on: its newest history
 * event (every vote, edit, status change and reopening writes one in the same transaction),
 * its last edit, and its team's voters (who, with which role, under which name). Equal stamps
 * mean an equal recommendation, so a computed one can be served again; one indexed query.
 */
export async function decisionStamp(db: PrismaClient, projectId: string): Promise<string | null> {
  const rows = await sql(db).query<{ stamp: string | null }>(
    `SELECT p.updated_at::text
      || '|' || coalesce((SELECT max(e.id) FROM project_events e WHERE e.project_id = p.id), 0)::text
      || '|' || (SELECT count(*)::text || ':' || coalesce(sum(hashtext(
                    m.user_id || ':' || m.role::text || ':' || u.updated_at::text)), 0)::text
                 FROM memberships m JOIN users u ON u.id = m.user_id
                 WHERE m.team_id = p.team_id) AS stamp
    FROM projects p WHERE p.id = $1`,
    [projectId],
  );
  return rows[0]?.stamp ?? null;
}

/**
 * The last computed value per project and stamp, in this process. Bounded: the least recently
 * used project is dropped first. Stale entries are never served: a different stamp recomputes.
 */
export class StampedCache<T> {
  private readonly entries = new Map<string, { stamp: string; value: T }>();
  constructor(private readonly capacity: number) {}

  get(key: string, stamp: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.stamp !== stamp) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, stamp: string, value: T) {
    this.entries.delete(key);
    this.entries.set(key, { stamp, value });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  clear() {
    this.entries.clear();
  }
}
