import type { PrismaClient } from "@tradeoff/db";

export type ExportEvent = {
  id: string;
  /** When it happened; for a vote folded from several edits, the first of them. */
  at: string;
  /** A vote folded from several edits: when the last of them was made (its `data` is the state after it). */
  lastEditAt: string | null;
  actor: string | null;
  type: string;
  criterionKey: string | null;
  data: unknown;
};

const BATCH = 2000;

/**
 * A project's history in id order, a batch at a time: a history of 100,000 events is never
 * held in memory at once. Tenancy: the project must belong to `teamId`.
 */
export async function* projectEvents(
  db: PrismaClient,
  scope: { teamId: string; projectId: string },
): AsyncGenerator<ExportEvent[]> {
  let after: bigint | null = null;
  const names = new Map<string, string>();
  for (;;) {
    const rows: {
      id: bigint;
      actorId: string | null;
      type: string;
      criterionKey: string | null;
      data: unknown;
      createdAt: Date;
      lastEditAt: Date | null;
    }[] = await db.projectEvent.findMany({
      where: {
        projectId: scope.projectId,
        teamId: scope.teamId,
        ...(after === null ? {} : { id: { gt: after } }),
      },
      orderBy: { id: "asc" },
      take: BATCH,
      select: {
        id: true,
        actorId: true,
        type: true,
        criterionKey: true,
        data: true,
        createdAt: true,
        lastEditAt: true,
      },
    });
    if (rows.length === 0) return;
    // Actor names once per person, not once per event.
    const missing = [
      ...new Set(rows.flatMap((r) => (r.actorId && !names.has(r.actorId) ? [r.actorId] : []))),
    ];
    if (missing.length) {
      const users = await db.user.findMany({
        where: { id: { in: missing } },
        select: { id: true, name: true, email: true },
      });
      for (const u of users) names.set(u.id, u.name ?? u.email ?? "Member");
    }
    yield rows.map((r) => ({
      id: r.id.toString(),
      at: r.createdAt.toISOString(),
      lastEditAt: r.lastEditAt?.toISOString() ?? null,
      actor: r.actorId ? (names.get(r.actorId) ?? "Former member") : null,
      type: r.type,
      criterionKey: r.criterionKey,
      data: r.data,
    }));
    after = rows[rows.length - 1]?.id ?? null;
    if (rows.length < BATCH) return;
  }
}

/** Blind projects: while voting is open, vote events must not reveal how anyone voted. */
export function redactEvent(event: ExportEvent): ExportEvent {
  return event.type.startsWith("vote.") ? { ...event, data: { redacted: true } } : event;
}
