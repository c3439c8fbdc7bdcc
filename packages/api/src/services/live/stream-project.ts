import type { SessionUser } from "@tradeoff/auth";
import type { PrismaClient } from "@tradeoff/db";
import { tracked } from "@trpc/server";
import type { HubSignal, RealtimeHub } from "../../realtime";
import { sessionStillCurrent } from "../account/session-still-current";
import { eventSelect, type HistoryEvent, toHistoryEvent } from "../history/event-view";
import { loadVisibility } from "../history/project-visibility";

export type LiveMessage =
  | { kind: "event"; event: HistoryEvent }
  | { kind: "presence"; viewers: { id: string; name: string }[] };

export type StreamInput = {
  projectId: string;
  teamId: string;
  userId: string;
  /** The last event id the client received: it first gets every later one from the table. */
  lastEventId?: string | null;
  /**
   * When the change at the page's first position was last edited, as the page read it: that
   * change is sent again only if edited since. Without it, a resumed change is sent again
   * whenever it was ever edited (the client cannot say which edit it had).
   */
  lastEditAt?: Date | null;
  signal?: AbortSignal;
  /** The viewer's session as the stream was opened: ended elsewhere, the stream stops too. */
  session?: SessionUser;
};

/** Most events a catch-up reads at once; a long-absent client pages through them. */
const CATCH_UP_BATCH = 500;

/**
 * A project's live stream for one viewer: project events (tracked by id, so a reconnecting client
 * resumes after the last one it got, missing none and receiving none twice) and who is viewing.
 * Notifications only say which event ids are new; rows are read here, with the viewer's rights
 * checked again on every batch and before every presence update, so a member removed or
 * signed out mid-stream stops receiving. Ends and frees its listener when the client goes away (`signal`).
 */
export async function* streamProject(db: PrismaClient, hub: RealtimeHub, input: StreamInput) {
  const { projectId, teamId, userId, signal, session } = input;
  /** What the viewer may see now; null once they left the team or their session ended. */
  const allowed = async () => {
    const [visibility, current] = await Promise.all([
      loadVisibility(db, { projectId, teamId, userId }).catch(() => null),
      session ? sessionStillCurrent(db, session) : true,
    ]);
    return current ? visibility : null;
  };
  const pending: HubSignal[] = [];
  let wake: (() => void) | null = null;
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  const unsubscribe = hub.subscribe(projectId, (s) => {
    pending.push(s);
    notify();
  });
  signal?.addEventListener("abort", notify);
  const leave = hub.join(projectId, userId);
  try {
    // Subscribed before reading the starting point, so nothing committed in between is lost.
    // Ids at or below `start` are never sent; `delivered` holds the ids sent since (events of
    // concurrent transactions may commit out of id order); `high` is the largest sent.
    let start = input.lastEventId ? BigInt(input.lastEventId) : await latestEventId(db, projectId);
    let high = start;
    const delivered = new Set<bigint>();
    let catchUp = input.lastEventId != null;
    /** Events already sent that were since updated (a folded vote): sent again, untracked. */
    const updated = new Set<bigint>();
    // The entry the client had last may have had votes folded into it since: it gets it again.
    if (input.lastEventId != null) updated.add(start);
    let presence = true;
    const ids = new Set<bigint>();

    while (!signal?.aborted) {
      for (const s of pending.splice(0)) {
        if (s.type === "event" && s.updated && (s.id <= start || delivered.has(s.id))) {
          updated.add(s.id);
        } else if (s.type === "event") ids.add(s.id);
        else if (s.type === "resync") catchUp = true;
        else presence = true;
      }

      if (presence) {
        presence = false;
        // Who is viewing is the team's business too: a member removed meanwhile gets no more.
        if (!(await allowed())) return;
        yield { kind: "presence", viewers: await viewerNames(db, hub, projectId) } as LiveMessage;
      }

      if (catchUp || ids.size > 0 || updated.size > 0) {
        const visibility = await allowed();
        if (!visibility) return; // removed from the team, signed out, or the project is gone
        const wanted = [...ids].filter((id) => id > start && !delivered.has(id));
        ids.clear();
        if (updated.size > 0) {
          // The resume point stays where it is: a reconnecting client re-reads the table anyway.
          const again = await db.projectEvent.findMany({
            where: { projectId, teamId, id: { in: [...updated] }, lastEditAt: { not: null } },
            orderBy: { id: "asc" },
            select: eventSelect,
          });
          updated.clear();
          for (const row of again) {
            if (signal?.aborted) return;
            if (seenEdit(row, input.lastEditAt)) continue;
            yield { kind: "event", event: toHistoryEvent(row, visibility) } as LiveMessage;
          }
          if (!catchUp && wanted.length === 0) continue;
        }
        const rows = await db.projectEvent.findMany({
          where: {
            projectId,
            teamId,
            ...(catchUp ? { id: { gt: high } } : { id: { in: wanted } }),
          },
          orderBy: { id: "asc" },
          take: catchUp ? CATCH_UP_BATCH : undefined,
          select: eventSelect,
        });
        catchUp = catchUp && rows.length === CATCH_UP_BATCH;
        for (const row of rows) {
          if (row.id <= start || delivered.has(row.id)) continue;
          delivered.add(row.id);
          if (row.id > high) high = row.id;
          if (signal?.aborted) return;
          const message: LiveMessage = { kind: "event", event: toHistoryEvent(row, visibility) };
          yield tracked(row.id.toString(), message);
        }
        if (delivered.size > 2_000) start = forgetOldest(delivered, 1_000);
        continue;
      }

      if (pending.length === 0 && !signal?.aborted) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
  } finally {
    signal?.removeEventListener("abort", notify);
    unsubscribe();
    leave();
  }
}

/**
 * Keeps the set small on long streams: forgets the oldest `count` ids and returns the new
 * start. A transaction committing after a thousand later events is not a case to plan for.
 */
function forgetOldest(delivered: Set<bigint>, count: number): bigint {
  const sorted = [...delivered].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const dropped = sorted.slice(0, count);
  for (const id of dropped) delivered.delete(id);
  return dropped.at(-1) ?? 0n;
}

/**
 * Where a page's live stream starts: the project's newest event id, read before the page reads
 * anything else. The stream opened from it (as `lastEventId`) first sends every change made
 * since, so a teammate's change between the page's render and its stream opening is not missed.
 * "0" while the project has no event.
 */
export async function liveStreamPosition(
  db: PrismaClient,
  input: { projectId: string },
): Promise<{ lastEventId: string; lastEditAt: string | null }> {
  const last = await newestEvent(db, input.projectId);
  return {
    lastEventId: (last?.id ?? 0n).toString(),
    lastEditAt: last?.lastEditAt?.toISOString() ?? null,
  };
}

/** Whether the client already has this edit of a change: it read it at `seen` or later. */
function seenEdit(row: { lastEditAt: Date | null }, seen: Date | null | undefined): boolean {
  return seen != null && row.lastEditAt != null && row.lastEditAt.getTime() <= seen.getTime();
}

function newestEvent(db: PrismaClient, projectId: string) {
  return db.projectEvent.findFirst({
    where: { projectId },
    orderBy: { id: "desc" },
    select: { id: true, lastEditAt: true },
  });
}

async function latestEventId(db: PrismaClient, projectId: string): Promise<bigint> {
  return (await newestEvent(db, projectId))?.id ?? 0n;
}

async function viewerNames(db: PrismaClient, hub: RealtimeHub, projectId: string) {
  const ids = hub.viewers(projectId);
  if (ids.length === 0) return [];
  const users = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
  return users.map((u) => ({ id: u.id, name: u.name ?? u.email ?? "Someone" }));
}
