import type { Prisma, PrismaClient, Role } from "@tradeoff/db";
import { aggregate } from "@tradeoff/scoring";
import { DomainError } from "../../errors";
import type { RecordFields } from "../../schemas/record";
import { notifyTeam } from "../notification/notify";
import { assertCanManageProject, STATUS_WORDS } from "../project/access";
import { loadDecision } from "../project/load-decision";
import { lockProject } from "../project/lock-project";
import { moveProjectStatus } from "../project/move-status";
import { resolvePeople } from "./resolve-people";

type Actor = { userId: string; teamId: string; role: Role };

/** The stored form of a record's fields: what a revision keeps. */
export async function storedFields(
  tx: Prisma.TransactionClient,
  teamId: string,
  fields: RecordFields,
  optionKeys: Set<string>,
  recommendedKey: string | null,
) {
  if (!optionKeys.has(fields.chosenOptionKey)) {
    throw new DomainError("BAD_REQUEST", "Choose one of the project's options.", {
      chosenOptionKey: ["Choose one of the project's options."],
    });
  }
  if (fields.chosenOptionKey !== recommendedKey && !fields.justification) {
    throw new DomainError(
      "BAD_REQUEST",
      "You chose another option than the team's recommendation: say why.",
      { justification: ["Say why the team chose another option than the recommendation."] },
    );
  }
  const people = await resolvePeople(tx, teamId, fields);
  return {
    chosenOptionKey: fields.chosenOptionKey,
    justification: fields.chosenOptionKey === recommendedKey ? null : fields.justification,
    rationale: fields.rationale,
    consequences: fields.consequences,
    ...people,
    confirmation: fields.confirmation,
    links: fields.links,
    reviewDate: fields.reviewDate,
  };
}

/** Writes one of the record's own history events (decision.recorded, decision.revised, ...). */
export async function recordDecisionEvent(
  tx: Pick<Prisma.TransactionClient, "projectEvent">,
  event: { projectId: string; teamId: string; actorId: string; type: string; data: object },
) {
  await tx.projectEvent.create({
    data: { ...event, data: event.data as Prisma.InputJsonValue },
    select: { id: true },
  });
}

/**
 * Records the outcome of an open (or closed, not yet recorded) project: closes voting, sets the
 * status to decided and stores revision 1 of the record, all in one transaction under the
 * project's row lock, so no vote lands after the outcome it did not count in.
 */
export async function recordDecision(
  db: PrismaClient,
  actor: Actor,
  input: RecordFields & { projectId: string },
) {
  return db.$transaction(async (tx) => {
    const locked = await lockProject(tx, input.projectId, "update");
    if (locked.teamId !== actor.teamId)
      throw new DomainError("NOT_FOUND", "Decision project was not found.");
    assertCanManageProject(actor, locked);
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
    const fields = await storedFields(
      tx,
      locked.teamId,
      input,
      new Set(loaded.project.options.map((o) => o.key)),
      rec.winner,
    );
    const now = new Date();
    const record = await tx.decisionRecord.create({
      data: {
        projectId: input.projectId,
        teamId: locked.teamId,
        recommendedKey: rec.winner,
        decidedById: actor.userId,
        decidedAt: now,
        ...fields,
        revisions: {
          create: {
            revision: 1,
            authorId: actor.userId,
            data: toJson(fields),
          },
        },
      },
      select: { id: true, revision: true, decidedAt: true },
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
    await recordDecisionEvent(tx, {
      projectId: input.projectId,
      teamId: locked.teamId,
      actorId: actor.userId,
      type: "decision.recorded",
      data: { chosenOptionKey: fields.chosenOptionKey, recommendedKey: rec.winner, revision: 1 },
    });
    await notifyTeam(tx, "VIEWER", {
      kind: "decision.recorded",
      teamId: locked.teamId,
      projectId: input.projectId,
      actorId: actor.userId,
    });
    return record;
  });
}

export const toJson = (fields: object) =>
  JSON.parse(JSON.stringify(fields)) as Prisma.InputJsonValue;
