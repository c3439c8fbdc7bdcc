import type { PrismaClient } from "@tradeoff/db";

export type HistoryPerson = {
  id: string;
  name: string;
  /** A sample's made-up teammate: not a member, votes in this project only. */
  fictional: boolean;
  /** In the team now; false for someone who left, and for fictional teammates. */
  member: boolean;
};

/**
 * Everyone the history's member filter offers: the team's members, and whoever else acted in
 * this project (a sample's fictional teammates, members who have left since), by name. Their
 * events are in the history, so the filter must be able to show them.
 */
export async function listHistoryPeople(
  db: PrismaClient,
  input: { projectId: string; teamId: string },
): Promise<HistoryPerson[]> {
  const [actors, members] = await Promise.all([
    // Each distinct actor by one step along the (project, actor) index from the one before,
    // instead of reading every event of a long history.
    db.$queryRaw<{ actor_id: string }[]>`
      WITH RECURSIVE actor AS (
        (SELECT actor_id FROM project_events
         WHERE project_id = ${input.projectId} AND actor_id IS NOT NULL
         ORDER BY actor_id LIMIT 1)
        UNION ALL
        SELECT (SELECT e.actor_id FROM project_events e
                WHERE e.project_id = ${input.projectId} AND e.actor_id > actor.actor_id
                ORDER BY e.actor_id LIMIT 1)
        FROM actor WHERE actor.actor_id IS NOT NULL
      )
      SELECT actor_id FROM actor WHERE actor_id IS NOT NULL`,
    db.membership.findMany({ where: { teamId: input.teamId }, select: { userId: true } }),
  ]);
  const memberIds = new Set(members.map((m) => m.userId));
  const ids = new Set([...memberIds, ...actors.map((a) => a.actor_id)]);
  const users = await db.user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, name: true, email: true, fictional: true },
  });
  return users
    .map((u) => ({
      id: u.id,
      name: u.name ?? u.email ?? "Someone",
      fictional: u.fictional,
      member: memberIds.has(u.id),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id));
}
