import type { Prisma, PrismaClient } from "@tradeoff/db";
import { aggregate, coverageBasis, type Recommendation } from "@tradeoff/scoring";
import type { TeamActor } from "../../domain/roles";
import { DomainError } from "../../errors";
import type { RecordFields } from "../../schemas/record";
import { notifyTeam } from "../notification/notify";
import { assertCanManageProject, STATUS_WORDS } from "../project/access";
import { recordEvent } from "../project/events";
import { shownCoverage } from "../project/get-recommendation";
import { loadDecision } from "../project/load-decision";
import { type LockedProject, lockProject } from "../project/lock-project";
import { moveProjectStatus } from "../project/move-status";
import { resolvePeople } from "./resolve-people";
import type { RecordCoverage } from "./stored-fields";

/**
 * Whether recording `chosenOptionKey` needs a written justification: it goes against the team's
 * recommendation, and that recommendation is not hidden (an open blind vote). The draft's page
 * says so before acceptance from the same rule.
 */
export function needsJustification(
  chosenOptionKey: string | null,
  recommendedKey: string | null,
  recommendationHidden = false,
): boolean {
  return (
    !recommendationHidden &&
    recommendedKey !== null &&
    chosenOptionKey !== null &&
    chosenOptionKey !== recommendedKey
  );
}

/**
 * The stored form of a record's fields: what a revision keeps. `recommendationHidden`: the
 * recommendation is still secret to the caller (a blind vote that this recording closes), so
 * no choice is refused for going against it: a refusal would tell which option leads. `tied`:
 * there is no recommendation because the leading options are tied.
 */
export async function storedFields(
  tx: Prisma.TransactionClient,
  teamId: string,
  fields: RecordFields,
  optionKeys: Set<string>,
  recommendedKey: string | null,
  opts: {
    recommendationHidden?: boolean;
    /** Options were scored but the leading ones are tied: there is no recommendation. */
    tied?: boolean;
  } = {},
) {
  if (!optionKeys.has(fields.chosenOptionKey)) {
    throw new DomainError("BAD_REQUEST", "Choose one of the project's options.", {
      chosenOptionKey: ["Choose one of the project's options."],
    });
  }
  // Choosing against the team's recommendation needs a reason; with no recommendation (nothing
  // counted yet) there is nothing to choose against, and the rationale says why. A reason given
  // while the recommendation was hidden is kept when the choice turns out to go against it.
  const againstRecommendation =
    recommendedKey !== null && fields.chosenOptionKey !== recommendedKey;
  if (
    needsJustification(fields.chosenOptionKey, recommendedKey, opts.recommendationHidden) &&
    !fields.justification
  ) {
    throw new DomainError(
      "BAD_REQUEST",
      "You chose another option than the team's recommendation: say why.",
      { justification: ["Say why the team chose another option than the recommendation."] },
    );
  }
  // With no recommendation (the leading options tied, or nothing scored yet) a justification has
  // nothing to go against, and the record no place for it: refused rather than dropped, so the
  // reason typed is not lost. Not while the recommendation is hidden: the refusal would tell
  // that the leading options are tied, or that nobody has scored yet.
  if (recommendedKey === null && fields.justification?.trim() && !opts.recommendationHidden) {
    const message = `${opts.tied ? "The leading options are tied" : "Nothing is scored yet"}, so there is no recommendation to go against and a justification would not be kept: give the reason for this choice in the rationale, and leave the justification empty.`;
    throw new DomainError("BAD_REQUEST", message, { justification: [message] });
  }
  // Choosing the recommendation itself leaves the justification nowhere to go: the record
  // says why another option was chosen, and none was. Refused rather than dropped, so the reason
  // typed is not lost. While the recommendation is hidden a refusal would tell which option
  // leads, so the reason is kept as typed (the JSON export carries it).
  const kept = againstRecommendation || opts.recommendationHidden === true;
  if (!kept && fields.justification?.trim()) {
    const message =
      "You chose the team's recommendation, so there is no other choice to justify and a justification would not be kept: give the reason for this choice in the rationale, and leave the justification empty.";
    throw new DomainError("BAD_REQUEST", message, { justification: [message] });
  }
  const people = await resolvePeople(tx, teamId, fields);
  return {
    chosenOptionKey: fields.chosenOptionKey,
    justification: fields.justification?.trim() ? fields.justification : null,
    rationale: fields.rationale,
    consequences: fields.consequences,
    ...people,
    confirmation: fields.confirmation,
    links: fields.links,
    reviewDate: fields.reviewDate,
  };
}

/**
 * Records the outcome of an open (or closed, not yet recorded) project: closes voting, sets the
 * status to decided and stores revision 1 of the record, all in one transaction under the
 * project's row lock, so no vote lands after the outcome it did not count in.
 */
export async function recordDecision(
  db: PrismaClient,
  actor: TeamActor,
  input: RecordFields & { projectId: string; confirmProvisional?: boolean },
) {
  return db.$transaction(async (tx) => {
    const locked = await lockProject(tx, actor, input.projectId, "update");
    assertCanManageProject(locked.actor, locked);
    await refuseWhileDraftOpen(tx, input.projectId);
    return writeDecision(tx, actor, locked, input);
  });
}

/**
 * While the team writes the record together in a shared draft, that draft is the record in
 * progress: recording from the form would leave it open on a decided project and drop the
 * co-authors' text. It is accepted on its page, or discarded there before the form records.
 */
async function refuseWhileDraftOpen(tx: Prisma.TransactionClient, projectId: string) {
  const draft = await tx.recordDraft.findUnique({
    where: { projectId },
    select: { status: true, createdAt: true, startedBy: { select: { name: true, email: true } } },
  });
  if (draft?.status !== "PROPOSED") return;
  const by = draft.startedBy ? ` by ${draft.startedBy.name ?? draft.startedBy.email}` : "";
  const on = draft.createdAt.toISOString().slice(0, 10);
  throw new DomainError(
    "CONFLICT",
    `The team is writing this record in a shared draft (started${by} on ${on}). Accept that draft on its page to record the decision, or discard the draft there first to record from this form.`,
  );
}

/** What a record written from an accepted shared draft keeps beyond the form's fields. */
export type DraftExtras = { context: string | null; moreInformation: string | null };

/**
 * Writes revision 1 of a project's record in the caller's transaction, the project already
 * locked ("update") and the caller's right to record it checked: closes voting if still open
 * (keeping the coverage the outcome rested on), stores the record and its history event, and
 * tells the team. Shared by recording from the form and accepting a shared draft.
 */
export async function writeDecision(
  tx: Prisma.TransactionClient,
  actor: TeamActor,
  locked: LockedProject,
  input: RecordFields & { projectId: string; confirmProvisional?: boolean },
  extras?: DraftExtras,
) {
  const existing = await tx.decisionRecord.findUnique({
    where: { projectId: input.projectId },
    select: { id: true },
  });
  if (existing || !(locked.status === "OPEN" || locked.status === "DECIDED")) {
    throw new DomainError(
      "CONFLICT",
      existing
        ? "This decision is already recorded: change it with a new revision."
        : `Only an open or closed decision can be recorded; this one is ${STATUS_WORDS[locked.status]}.`,
    );
  }
  const loaded = await loadDecision(tx, input.projectId, { inTransaction: true });
  const rec = aggregate(loaded.decision, { method: loaded.method, resamples: 0 });
  // A blind vote still open: until this recording closes it, nothing refused or said here may
  // rest on how anyone voted (the weight share, or which option leads).
  const hidden = loaded.project.votingMode === "BLIND" && locked.status === "OPEN";
  if (rec.status === "provisional" && !input.confirmProvisional) {
    const line = coverageBasis({ ...rec, coverage: shownCoverage(rec.coverage, hidden) });
    throw new DomainError(
      "PRECONDITION_FAILED",
      `The recommendation is still provisional. ${line} Confirm to record the decision anyway; the record will say what it rested on.`,
      { confirmProvisional: ["Confirm that you record a decision on a provisional result."] },
    );
  }
  const coverage = coverageOf(rec, loaded.unreadableVotes);
  const fields = await storedFields(
    tx,
    locked.teamId,
    input,
    new Set(loaded.project.options.map((o) => o.key)),
    rec.winner,
    { recommendationHidden: hidden, tied: rec.winner === null && rec.coverage.counted > 0 },
  );
  const now = new Date();
  const record = await createDecisionRecord(tx, {
    projectId: input.projectId,
    teamId: locked.teamId,
    actorId: actor.userId,
    recommendedKey: rec.winner,
    decidedAt: now,
    fields: { ...fields, ...extras },
    // The voters this outcome counted: the result reads the same after people leave the team
    // or become viewers (votes are frozen already: a closed project takes none).
    recordOnly: { coverage: toJson(coverage), voterIds: loaded.members.map((m) => m.id) },
  });
  if (locked.status === "OPEN") {
    await moveProjectStatus(tx, {
      projectId: input.projectId,
      teamId: locked.teamId,
      actorId: actor.userId,
      from: "OPEN",
      to: "DECIDED",
      set: { closedAt: now },
    });
  }
  await recordEvent(tx, actor, input.projectId, {
    type: "decision.recorded",
    data: {
      chosenOptionKey: fields.chosenOptionKey,
      recommendedKey: rec.winner,
      revision: 1,
      coverage,
      ...(extras ? { fromDraft: true } : {}),
    },
  });
  await notifyTeam(tx, "VIEWER", {
    kind: "decision.recorded",
    teamId: locked.teamId,
    projectId: input.projectId,
    actorId: actor.userId,
  });
  return record;
}

/**
 * What the decision rests on, kept with the record: "Decided with 9 of 13 criteria counted, on
 * 1 complete and 3 partial ballots of 5 members", and how many stored votes it left out because
 * they could not be read then (later repairs or removals do not change what it rested on).
 */
export function coverageOf(
  rec: Pick<Recommendation, "coverage" | "participation" | "status">,
  unreadableVotes: number,
): RecordCoverage {
  const { coverage: c, participation: p } = rec;
  return {
    counted: c.counted,
    total: c.total,
    weightShare: c.weightShare,
    complete: p.complete,
    voted: p.complete + p.partial,
    eligible: p.eligible,
    status: rec.status,
    unreadableVotes,
  };
}

export const toJson = (fields: object) =>
  JSON.parse(JSON.stringify(fields)) as Prisma.InputJsonValue;

type RecordFieldsData = Omit<
  Prisma.DecisionRecordUncheckedCreateInput,
  "id" | "projectId" | "teamId" | "recommendedKey" | "decidedAt" | "decidedById" | "revisions"
>;

/**
 * Writes a decision record with its first revision, which holds the same fields: how a decision
 * is recorded (also from an accepted draft) or imported. `recordOnly` is kept on the record and
 * not in the revision (the coverage it was decided with, the file it was imported from).
 */
export function createDecisionRecord(
  tx: Prisma.TransactionClient,
  record: {
    projectId: string;
    teamId: string;
    actorId: string;
    recommendedKey: string | null;
    decidedAt: Date;
    fields: RecordFieldsData;
    recordOnly?: Partial<RecordFieldsData>;
    /** Why the first revision exists, when it is not the decision itself (an import). */
    note?: string;
  },
) {
  return tx.decisionRecord.create({
    data: {
      projectId: record.projectId,
      teamId: record.teamId,
      recommendedKey: record.recommendedKey,
      decidedById: record.actorId,
      decidedAt: record.decidedAt,
      ...record.fields,
      ...record.recordOnly,
      revisions: {
        create: {
          revision: 1,
          authorId: record.actorId,
          ...(record.note === undefined ? {} : { note: record.note }),
          data: toJson(record.fields),
        },
      },
    },
    select: { id: true, revision: true, decidedAt: true },
  });
}
