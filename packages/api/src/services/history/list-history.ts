import type { PrismaClient } from "@tradeoff/db";
import { eventSelect, type HistoryEvent, toHistoryEvent, VOTE_EVENT_TYPES } from "./event-view";
import { loadVisibility } from "./project-visibility";

export type ListHistoryInput = {
  projectId: string;
  teamId: string;
  userId: string;
  /** Only events by this member. */
  actorId?: string;
  /** Only events about this criterion (votes and its discussion). */
  criterionKey?: string;
  /** The id of the last event of the previous page: the page continues with older ones. */
  cursor?: string;
  limit: number;
};

export type HistoryPage = {
  items: (HistoryEvent & { current: boolean })[];
  nextCursor: string | null;
};

/**
 * A project's history, newest first, one page at a time. A vote event is `current` when it is
 * the member's latest on that criterion and was not retracted: the vote that counts now.
 */
export async function listHistory(db: PrismaClient, input: ListHistoryInput): Promise<HistoryPage> {
  const visibility = await loadVisibility(db, input);
  const rows = await db.projectEvent.findMany({
    where: {
      projectId: input.projectId,
      teamId: input.teamId,
      ...(input.actorId ? { actorId: input.actorId } : {}),
      ...(input.criterionKey ? { criterionKey: input.criterionKey } : {}),
      ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}),
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: eventSelect,
  });
  const page = rows.slice(0, input.limit);
  const latest = await latestVoteEvents(db, input.projectId, page);
  return {
    items: page.map((row) => ({
      ...toHistoryEvent(row, visibility),
      current: row.type === "vote.cast" && latest.has(row.id),
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}

/** Ids of the latest vote event of each (member, criterion) that appears on the page. */
async function latestVoteEvents(
  db: PrismaClient,
  projectId: string,
  page: { type: string; actor: { id: string } | null }[],
): Promise<Set<bigint>> {
  const actorIds = [
    ...new Set(page.filter((e) => e.type.startsWith("vote.") && e.actor).map((e) => e.actor?.id)),
  ].filter((id): id is string => Boolean(id));
  if (actorIds.length === 0) return new Set();
  const groups = await db.projectEvent.groupBy({
    by: ["actorId", "criterionKey"],
    where: { projectId, type: { in: VOTE_EVENT_TYPES }, actorId: { in: actorIds } },
    _max: { id: true },
  });
  return new Set(groups.map((g) => g._max.id).filter((id): id is bigint => id !== null));
}
