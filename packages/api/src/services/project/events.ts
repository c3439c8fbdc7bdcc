import type { Prisma, Sql } from "@tradeoff/db";

/**
 * The append-only history of a project (ProjectEvent rows). Every change is recorded in the
 * same transaction as the change itself, so the history never misses or invents one.
 *
 * - project.created  { after: { title, status, method, votingMode, options, criteria, ... } }
 * - project.edited   { before, after } with only the fields that changed
 * - status.changed   { from, to } (DRAFT -> OPEN, OPEN -> DECIDED, ... -> ARCHIVED)
 * - round.reopened   { round: the new round number, previousRound }
 * - vote.cast        { before: VoteState | null, after: VoteState } (criterionKey set);
 *                    "no opinion" is weight null with every score null
 * - vote.retracted   { before: VoteState, after: null } (criterionKey set)
 * Other event types (comments) are added by their own services through `recordEvent`.
 */
export type VoteState = {
  weight: number | null;
  scores: Record<string, number | null>;
  rationale: string | null;
};

export type ProjectEventData =
  | { type: "project.created"; data: { after: Record<string, unknown> } }
  | {
      type: "project.edited";
      data: { before: Record<string, unknown>; after: Record<string, unknown> };
    }
  | { type: "status.changed"; data: { from: string; to: string } }
  | { type: "round.reopened"; data: { round: number; previousRound: number } }
  | {
      type: "vote.cast";
      criterionKey: string;
      data: { before: VoteState | null; after: VoteState };
    }
  | { type: "vote.retracted"; criterionKey: string; data: { before: VoteState; after: null } }
  | { type: `comment.${string}`; criterionKey?: string | null; data: Record<string, unknown> };

export type ProjectEventType = ProjectEventData["type"];

type EventWriter = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;
type NewEvent = ProjectEventData & { projectId: string; teamId: string; actorId: string | null };

/** A plain INSERT: every vote writes one, and nothing is read back. */
const INSERT_EVENT = `
  INSERT INTO project_events (project_id, team_id, actor_id, type, criterion_key, data, created_at)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb, now())`;

function eventParams(event: NewEvent) {
  const criterionKey = "criterionKey" in event ? (event.criterionKey ?? null) : null;
  return [
    event.projectId,
    event.teamId,
    event.actorId,
    event.type,
    criterionKey,
    JSON.stringify(event.data),
  ];
}

/** Appends one event; pass the (Prisma) transaction of the change it records. */
export async function recordEvent(tx: EventWriter, event: NewEvent): Promise<void> {
  await tx.$executeRawUnsafe(INSERT_EVENT, ...eventParams(event));
}

/** The same, in a transaction of `sqlTransaction` (the vote's hot path). */
export async function recordEventSql(tx: Sql, event: NewEvent): Promise<void> {
  await tx.query(INSERT_EVENT, eventParams(event));
}
