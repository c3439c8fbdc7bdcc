import type { PrismaClient } from "@tradeoff/db";

/**
 * The team's membership, role, invitation and webhook changes a page at a time, newest first,
 * with `nextCursor` for the older ones (null once there are none) and how many entries the trail
 * holds in all (`total`). Nothing is ever dropped from the trail: every entry is reachable.
 */
export async function listAuditEvents(
  db: PrismaClient,
  input: { teamId: string; cursor?: string | null | undefined; limit?: number },
) {
  const limit = input.limit ?? 50;
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where: { teamId: input.teamId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      take: limit + 1,
      select: {
        id: true,
        action: true,
        subjectId: true,
        data: true,
        createdAt: true,
        actor: { select: { id: true, name: true, email: true } },
      },
    }),
    db.auditEvent.count({ where: { teamId: input.teamId } }),
  ]);
  const events = rows.slice(0, limit);
  // Subjects may have left the team or deleted their account; show what is still known.
  const subjectIds = [...new Set(events.flatMap((e) => (e.subjectId ? [e.subjectId] : [])))];
  const subjects = subjectIds.length
    ? await db.user.findMany({
        where: { id: { in: subjectIds } },
        select: { id: true, name: true, email: true },
      })
    : [];
  const byId = new Map(subjects.map((s) => [s.id, s]));
  return {
    items: events.map((event) => ({
      ...event,
      subject: event.subjectId ? (byId.get(event.subjectId) ?? null) : null,
    })),
    nextCursor: rows.length > limit ? (events.at(-1)?.id ?? null) : null,
    total,
  };
}
