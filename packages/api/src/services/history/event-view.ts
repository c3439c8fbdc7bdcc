import type { Prisma } from "@tradeoff/db";

/** The columns of an event the history and the live stream read, and nothing else. */
export const eventSelect = {
  id: true,
  type: true,
  criterionKey: true,
  data: true,
  createdAt: true,
  lastEditAt: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.ProjectEventSelect;

type EventRow = Prisma.ProjectEventGetPayload<{ select: typeof eventSelect }>;

/** One history entry as a teammate sees it. */
export type HistoryEvent = {
  /** Ordered: a later event has a larger id (a string, as it may exceed 2^53). */
  id: string;
  type: string;
  /** When it happened; for a vote folded from several edits, the first of them. */
  at: Date;
  /** A vote folded from several edits within the folding window: the last of them. */
  lastEditAt: Date | null;
  actor: { id: string; name: string } | null;
  criterionKey: string | null;
  /** The event's payload; null when it is hidden from the caller (a blind vote of someone else). */
  data: Record<string, unknown> | null;
  /** True when the payload was withheld: the caller sees "X voted" and no values. */
  hidden: boolean;
};

export type Visibility = { viewerId: string; blind: boolean };

const VOTE_EVENTS = new Set(["vote.cast", "vote.retracted"]);
export const VOTE_EVENT_TYPES = [...VOTE_EVENTS];

/**
 * Votes are secret while a blind project is open: until it closes, nobody but the voter sees
 * their values, in the history or live (the same rule as the recommendation's).
 */
export function isBlind(project: { status: string; votingMode: string }): boolean {
  return project.votingMode === "BLIND" && project.status === "OPEN";
}

export function toHistoryEvent(row: EventRow, visibility: Visibility): HistoryEvent {
  const hidden =
    visibility.blind && VOTE_EVENTS.has(row.type) && row.actor?.id !== visibility.viewerId;
  const data =
    row.data && typeof row.data === "object" && !Array.isArray(row.data)
      ? (row.data as Record<string, unknown>)
      : {};
  return {
    id: row.id.toString(),
    type: row.type,
    at: row.createdAt,
    lastEditAt: row.lastEditAt,
    actor: row.actor
      ? { id: row.actor.id, name: row.actor.name ?? row.actor.email ?? "Someone" }
      : null,
    criterionKey: row.criterionKey,
    data: hidden ? null : data,
    hidden,
  };
}
