import { type SqlRunner, statements } from "@tradeoff/db";

/**
 * The append-only history of a project (ProjectEvent rows). Every change is recorded in the
 * same transaction as the change itself, so the history never misses or invents one. This union
 * is the one list of what can be recorded and with what data: `recordEvent` accepts nothing
 * else, and the history's sentences (describe-event.ts in the web app) name every type of it.
 */
export type VoteState = {
  weight: number | null;
  scores: Record<string, number | null>;
  /** Absent in events recorded before the mark existed (read as false). */
  noOpinion?: boolean;
  rationale: string | null;
};

export type ProjectEventData =
  /** The project's settings as created: title, status, method, options, criteria, ... */
  | { type: "project.created"; data: { after: Record<string, unknown> } }
  /** Only the fields that changed, before and after. */
  | {
      type: "project.edited";
      data: { before: Record<string, unknown>; after: Record<string, unknown> };
    }
  | { type: "project.tagged"; data: { before: string[]; after: string[] } }
  /** From an exported JSON document (with its vote count) or a records folder (with its file). */
  | {
      type: "project.imported";
      data: {
        decided: boolean;
        votes?: number;
        file?: string;
        format?: string;
        /**
         * A JSON export: who decided and approved there, why it was accepted without its
         * approvals (if it was), and its voting members.
         */
        from?: "json";
        decidedBy?: string | null;
        approvals?: { name: string; at: string }[];
        overrideReason?: string | null;
        eligible?: number | null;
      };
    }
  /** DRAFT -> OPEN, OPEN -> DECIDED, ... -> ARCHIVED */
  | { type: "status.changed"; data: { from: string; to: string } }
  | { type: "round.reopened"; data: { round: number; previousRound: number } }
  /** An explicit "no opinion" is noOpinion true, weight null, every score null. */
  | {
      type: "vote.cast";
      criterionKey: string;
      data: { before: VoteState | null; after: VoteState };
    }
  | { type: "vote.retracted"; criterionKey: string; data: { before: VoteState; after: null } }
  | {
      type: "comment.created" | "comment.edited" | "comment.deleted";
      criterionKey: string | null;
      data: { commentId: string; criterionKey: string | null };
    }
  | {
      type: "decision.recorded";
      data: {
        chosenOptionKey: string;
        recommendedKey: string | null;
        revision: number;
        coverage: unknown;
        fromDraft?: true;
      };
    }
  | {
      type: "decision.revised";
      data: { revision: number; note: string | undefined; chosenOptionKey: string };
    }
  /** On the superseded project, naming its successors; each successor gets decision.supersedes. */
  | {
      type: "decision.superseded";
      data: { successors: { id: string; number: number; title: string }[] };
    }
  | { type: "decision.supersedes"; data: { predecessorId: string } }
  | { type: "draft.started"; data: { chosenOptionKey: string | null } }
  | {
      type: "draft.fields.changed";
      data: { fields: string[]; before: Record<string, unknown>; after: Record<string, unknown> };
    }
  | {
      type: "draft.review.given";
      data: { verdict: string; comment: string | null | undefined; textVersion: number };
    }
  /** The text changed after these reviewers approved it: their approvals must be given again. */
  | {
      type: "draft.review.stale";
      data: { textVersion: number; reviewers: { userId: string; name: string }[] };
    }
  | { type: "draft.comment.created"; data: { commentId: string; field: string | null } }
  | {
      type: "draft.accepted";
      data: {
        textVersion: number;
        rule: string;
        approved: number;
        decisionMakers: number;
        summary: string;
      };
    }
  /** Accepted by an owner or admin without every approval, with their reason. */
  | { type: "draft.overridden"; data: { reason: string | null | undefined; summary: string } }
  /** Set aside by the project's creator or an admin (the actor) at this text version. */
  | { type: "draft.discarded"; data: { textVersion: number } };

export type ProjectEventType = ProjectEventData["type"];

/** Who made the change (null for the app itself) and in which team. */
export type EventActor = { userId: string | null; teamId: string };

/**
 * Appends one event to the project's history; pass the transaction of the change it records.
 * Numbering the entry locks the project's row (FOR NO KEY UPDATE, a trigger) until the change
 * commits: a change that also locks rows under the project, such as its record draft, takes the
 * project's row before them (services/draft/lock-draft.ts: team, decision, draft).
 */
export async function recordEvent(
  tx: SqlRunner,
  actor: EventActor,
  projectId: string,
  event: ProjectEventData,
): Promise<void> {
  await statements.insertProjectEvent(tx, {
    projectId,
    teamId: actor.teamId,
    actorId: actor.userId,
    type: event.type,
    criterionKey: "criterionKey" in event ? event.criterionKey : null,
    data: event.data,
  });
}
