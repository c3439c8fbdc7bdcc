import { randomUUID } from "node:crypto";
import { type Prisma, type PrismaClient, statements } from "@tradeoff/db";
import type { z } from "zod";
import { statementWithOutcome, transactionWithOutcome } from "../../database-errors";
import { DomainError } from "../../errors";
import type { castVoteSchema } from "../../schemas/vote";
import { currentRole, decisionMember } from "../member/current-role";
import { STATUS_WORDS } from "../project/access";
import { recordEvent, type VoteState } from "../project/events";
import { cleanScores } from "../project/load-decision";

type Input = z.output<typeof castVoteSchema>;
type Actor = { userId: string; teamId: string };

/**
 * Sets the member's vote on one criterion, and records `vote.cast`, in one statement
 * (`statements.castVote` of @tradeoff/db: the project row is locked first, so a vote racing a
 * close is refused with a message rather than landing in a closed project, and votes on one
 * project commit in turn, each raising the project's version, the recommendation cache's key; a
 * per-member-per-criterion lock orders racing requests of the same member, so each event's
 * `before` is the vote it replaced). The unique (criterion, user) constraint keeps exactly one
 * row however many requests race. Edits of the same criterion within `foldSeconds` of the first
 * fold into one history entry. Repeating an identical vote changes nothing and adds no
 * history: retrying is always safe.
 */
export async function castVote(
  db: PrismaClient,
  actor: Actor,
  input: Input,
  history: { foldSeconds: number },
) {
  const [saved] = await statementWithOutcome(() =>
    statements.castVote(db, {
      id: randomUUID(),
      projectId: input.projectId,
      teamId: actor.teamId,
      criterionKey: input.criterionKey,
      userId: actor.userId,
      weight: input.weight,
      scores: input.scores,
      noOpinion: input.noOpinion,
      rationale: input.rationale,
      foldSeconds: history.foldSeconds,
    }),
  );
  // As the access check refuses them: the role is read again once the project is locked, so a
  // voter removed or made a viewer while the vote waited is refused too.
  if (!saved) throw new DomainError("NOT_FOUND", "Decision project was not found.");
  if (saved.voterRole === "VIEWER") {
    throw new DomainError("FORBIDDEN", "This needs the member role or higher in the team.");
  }
  refuseUnlessOpen(saved.status);
  if (!saved.criterionId) throw unknownCriterion(input.criterionKey);
  const unknown = Object.keys(input.scores).filter((key) => !saved.optionKeys.includes(key));
  if (unknown.length > 0) {
    throw new DomainError(
      "BAD_REQUEST",
      "Some scores are for options this decision does not have.",
      {
        scores: [`Unknown option${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`],
      },
    );
  }
  if (!saved.savedAt) throw new Error("The vote statement wrote nothing and gave no reason.");
  // Every option appears in the stored vote; unscored options are null ("no opinion").
  const scores: Record<string, number | null> = {};
  for (const key of saved.optionKeys) scores[key] = input.scores[key] ?? null;
  const after: VoteState & { noOpinion: boolean } = {
    weight: input.weight,
    scores,
    noOpinion: input.noOpinion,
    rationale: input.rationale,
  };
  return { criterionKey: input.criterionKey, ...after, savedAt: saved.savedAt };
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
    await recordEvent(tx, { userId: actor.userId, teamId: project.teamId }, project.id, {
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
 * criterion, which orders their racing requests until the transaction ends. Then the member's
 * role, read once the lock is held.
 */
async function lockOpenProject(
  tx: Prisma.TransactionClient,
  actor: Actor,
  projectId: string,
  criterionKey: string,
) {
  const rows = await statements.lockForVote(tx, { projectId, criterionKey, userId: actor.userId });
  const locked = rows[0];
  if (!locked || locked.teamId !== actor.teamId) {
    throw new DomainError("NOT_FOUND", "Decision project was not found.");
  }
  // As the vote itself does: a voter removed or made a viewer while this waited is refused.
  await currentRole(tx, decisionMember(actor));
  refuseUnlessOpen(locked.status);
  if (!locked.criterionId) throw unknownCriterion(criterionKey);
  return {
    project: { id: locked.id, teamId: locked.teamId, optionKeys: locked.optionKeys },
    criterion: { id: locked.criterionId },
  };
}

type ProjectStatus = keyof typeof STATUS_WORDS;

/** Votes change only while the project is open; otherwise a sentence says why not. */
function refuseUnlessOpen(status: ProjectStatus) {
  if (status === "OPEN") return;
  throw new DomainError(
    "CONFLICT",
    status === "DECIDED"
      ? "Voting has closed on this decision; your change was not saved."
      : `This decision is ${STATUS_WORDS[status]}, so votes cannot be changed.`,
  );
}

function unknownCriterion(criterionKey: string) {
  return new DomainError("BAD_REQUEST", "This decision has no such criterion.", {
    criterionKey: [`Unknown criterion: ${criterionKey}.`],
  });
}
