import { randomUUID } from "node:crypto";
import { type PrismaClient, type SqlRunner, statements } from "@tradeoff/db";
import type { z } from "zod";
import { transactionWithOutcome } from "../../database-errors";
import { DomainError } from "../../errors";
import type { castVoteSchema } from "../../schemas/vote";
import { STATUS_WORDS } from "../project/access";
import { recordEvent, type VoteState } from "../project/events";
import { cleanScores } from "../project/load-decision";

type Input = z.output<typeof castVoteSchema>;
type Actor = { userId: string; teamId: string };

/**
 * Sets the member's vote on one criterion, and records `vote.cast`, in one transaction.
 * The project row is locked first, so a vote racing a close is refused with a message rather
 * than landing in a closed project (and votes on one project commit in turn: each raises the
 * project's version, the recommendation cache's key); a per-member-per-criterion advisory lock (taken in
 * the same query) orders
 * racing requests of the same member, so each event's `before` is the vote it replaced.
 * The unique (criterion, user) constraint keeps exactly one row however many requests race.
 * Votes are the hottest write: three hand-written statements (see `statements` of @tradeoff/db).
 * Edits of the same criterion within `foldSeconds` of the first fold into one history entry
 * (see `statements.castVote`).
 */
export async function castVote(
  db: PrismaClient,
  actor: Actor,
  input: Input,
  history: { foldSeconds: number },
) {
  // Repeating an identical vote changes nothing and adds no history: retrying is always safe.
  return transactionWithOutcome(db, async (tx) => {
    const { project, criterion } = await lockOpenProject(
      tx,
      actor,
      input.projectId,
      input.criterionKey,
    );

    const unknown = Object.keys(input.scores).filter((key) => !project.optionKeys.includes(key));
    if (unknown.length > 0) {
      throw new DomainError(
        "BAD_REQUEST",
        "Some scores are for options this decision does not have.",
        {
          scores: [`Unknown option${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`],
        },
      );
    }
    // Every option appears in the stored vote; unscored options are null ("no opinion").
    const scores: Record<string, number | null> = {};
    for (const key of project.optionKeys) scores[key] = input.scores[key] ?? null;
    const after: VoteState & { noOpinion: boolean } = {
      weight: input.weight,
      scores,
      noOpinion: input.noOpinion,
      rationale: input.rationale,
    };

    // One statement upserts the vote and records `vote.cast` with the vote it replaced
    // (the member's lock, taken above, keeps anyone else from writing it in between).
    const [saved] = await statements.castVote(tx, {
      id: randomUUID(),
      projectId: project.id,
      teamId: project.teamId,
      criterionId: criterion.id,
      criterionKey: input.criterionKey,
      userId: actor.userId,
      ...after,
      foldSeconds: history.foldSeconds,
    });
    if (!saved) throw new Error("The vote upsert returned no row.");
    return { criterionKey: input.criterionKey, ...after, savedAt: saved.savedAt };
  });
}

/** Withdraws the member's vote on one criterion; records `vote.retracted` when there was one. */
export async function retractVote(
  db: PrismaClient,
  actor: Actor,
  input: { projectId: string; criterionKey: string },
) {
  return transactionWithOutcome(db, async (tx) => {
    const { project, criterion } = await lockOpenProject(
      tx,
      actor,
      input.projectId,
      input.criterionKey,
    );
    const [existing] = await statements.deleteVote(tx, {
      criterionId: criterion.id,
      userId: actor.userId,
    });
    if (!existing) return { criterionKey: input.criterionKey, retracted: false };
    await recordEvent(tx, {
      projectId: project.id,
      teamId: project.teamId,
      actorId: actor.userId,
      type: "vote.retracted",
      criterionKey: input.criterionKey,
      data: {
        before: {
          weight: existing.weight,
          scores: cleanScores(existing.scores, new Set(project.optionKeys)),
          noOpinion: existing.noOpinion,
          rationale: existing.rationale,
        },
        after: null,
      },
    });
    return { criterionKey: input.criterionKey, retracted: true };
  });
}

/**
 * One round trip: locks the project row, reads what a vote is checked against (its
 * status, its option keys and the criterion's id) and takes the member's lock on this
 * criterion, which orders their racing requests until the transaction ends.
 */
async function lockOpenProject(
  tx: SqlRunner,
  actor: Actor,
  projectId: string,
  criterionKey: string,
) {
  const rows = await statements.lockForVote(tx, { projectId, criterionKey, userId: actor.userId });
  const locked = rows[0];
  if (!locked || locked.teamId !== actor.teamId) {
    throw new DomainError("NOT_FOUND", "Decision project was not found.");
  }
  if (locked.status !== "OPEN") {
    throw new DomainError(
      "CONFLICT",
      locked.status === "DECIDED"
        ? "Voting has closed on this decision; your change was not saved."
        : `This decision is ${STATUS_WORDS[locked.status]}, so votes cannot be changed.`,
    );
  }
  if (!locked.criterionId) {
    throw new DomainError("BAD_REQUEST", "This decision has no such criterion.", {
      criterionKey: [`Unknown criterion: ${criterionKey}.`],
    });
  }
  return {
    project: { id: locked.id, teamId: locked.teamId, optionKeys: locked.optionKeys },
    criterion: { id: locked.criterionId },
  };
}
