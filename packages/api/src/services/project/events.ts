import { type SqlRunner, statements } from "@tradeoff/db";

/**
 * The append-only history of a project (ProjectEvent rows). Every change is recorded in the
 * same transaction as the change itself, so the history never misses or invents one.
 *
 * - project.created  { after: { title, status, method, votingMode, options, criteria, ... } }
 * - project.edited   { before, after } with only the fields that changed
 * - status.changed   { from, to } (DRAFT -> OPEN, OPEN -> DECIDED, ... -> ARCHIVED)
 * - round.reopened   { round: the new round number, previousRound }
 * - vote.cast        { before: VoteState | null, after: VoteState } (criterionKey set);
 *                    an explicit "no opinion" is noOpinion true, weight null, every score null
 * - vote.retracted   { before: VoteState, after: null } (criterionKey set)
 * Other event types (comments) are added by their own services through `recordEvent`.
 */
export type VoteState = {
  weight: number | null;
  scores: Record<string, number | null>;
  /** Absent in events recorded before the mark existed (read as false). */
  noOpinion?: boolean;
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

type NewEvent = ProjectEventData & { projectId: string; teamId: string; actorId: string | null };

/** Appends one event; pass the transaction of the change it records. */
export async function recordEvent(tx: SqlRunner, event: NewEvent): Promise<void> {
  await statements.insertProjectEvent(tx, {
    projectId: event.projectId,
    teamId: event.teamId,
    actorId: event.actorId,
    type: event.type,
    criterionKey: "criterionKey" in event ? (event.criterionKey ?? null) : null,
    data: event.data,
  });
}
