import type { PrismaClient } from "@tradeoff/db";

/** The team's most recent membership, role and invitation changes, newest first. */
export async function listAuditEvents(db: PrismaClient, input: { teamId: string; limit?: number }) {
  const events = await db.auditEvent.findMany({
    where: { teamId: input.teamId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit ?? 100,
    select: {
      id: true,
      action: true,
      subjectId: true,
      data: true,
      createdAt: true,
      actor: { select: { id: true, name: true, email: true } },
    },
  });
  // Subjects may have left the team or deleted their account; show what is still known.
  const subjectIds = [...new Set(events.flatMap((e) => (e.subjectId ? [e.subjectId] : [])))];
  const subjects = await db.user.findMany({
    where: { id: { in: subjectIds } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(subjects.map((s) => [s.id, s]));
  return events.map((event) => ({
    ...event,
    subject: event.subjectId ? (byId.get(event.subjectId) ?? null) : null,
  }));
}
