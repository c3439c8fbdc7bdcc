import type { Prisma, PrismaClient } from "@tradeoff/db";
import { aggregate } from "@tradeoff/scoring";
import type { TeamActor } from "../../domain/roles";
import { DomainError } from "../../errors";
import { PAST_DEADLINE_MESSAGE } from "../../schemas/project";
import { revealDraftReasons } from "../draft/reveal-draft-reasons";
import { recordStatusOf } from "../export/record-status";
import { notifyTeam } from "../notification/notify";
import { readRecordSource } from "../record/record-source";
import { scheduleDeadlineReminders } from "../reminder/deadline-reminders";
import { assertCanManageProject, type ProjectStatus, STATUS_WORDS } from "./access";
import { recordEvent } from "./events";
import { loadDecision } from "./load-decision";
import { lockProject } from "./lock-project";
import { moveProjectStatus } from "./move-status";

const TRANSITIONS = {
  open: { from: ["DRAFT"], to: "OPEN", verb: "open" },
  close: { from: ["OPEN"], to: "DECIDED", verb: "close" },
  archive: { from: ["DRAFT", "OPEN", "DECIDED", "SUPERSEDED"], to: "ARCHIVED", verb: "archive" },
} as const satisfies Record<string, { from: ProjectStatus[]; to: ProjectStatus; verb: string }>;

/**
 * Opens a draft for voting, closes voting early, or archives a project. Admins and the creator
 * only. A draft whose deadline passed while it waited opens once the deadline is moved or
 * cleared. The status change and its `status.changed` event commit together, under the project's
 * row lock, so votes in flight either land before the change or are refused after it.
 */
export async function changeProjectStatus(
  db: PrismaClient,
  actor: TeamActor,
  projectId: string,
  action: keyof typeof TRANSITIONS,
) {
  const rule = TRANSITIONS[action];
  return db.$transaction(async (tx) => {
    const locked = await lockProject(tx, actor, projectId, "update");
    assertCanManageProject(locked.actor, locked);
    if (!(rule.from as readonly ProjectStatus[]).includes(locked.status)) {
      throw new DomainError(
        "CONFLICT",
        action === "close"
          ? await nothingToClose(tx, projectId, locked.status)
          : `You cannot ${rule.verb} this decision: it is ${STATUS_WORDS[locked.status]}.`,
      );
    }
    const now = new Date();
    if (rule.to === "OPEN") {
      const { deadline } = await deadlineOf(tx, projectId);
      if (deadline && deadline <= now) {
        throw new DomainError("BAD_REQUEST", PAST_DEADLINE_MESSAGE, {
          deadline: [PAST_DEADLINE_MESSAGE],
        });
      }
    }
    const project = await moveProjectStatus(tx, {
      projectId,
      teamId: locked.teamId,
      actorId: actor.userId,
      from: locked.status,
      to: rule.to,
      set: rule.to === "OPEN" ? { openedAt: now } : rule.to === "DECIDED" ? { closedAt: now } : {},
    });
    const told = { teamId: locked.teamId, projectId, actorId: actor.userId };
    // Opening concerns those who vote (members and up); closing, everyone who follows the team.
    if (rule.to === "OPEN") {
      await notifyTeam(tx, "MEMBER", { kind: "project.opened", ...told });
      await scheduleDeadlineReminders(tx, await deadlineOf(tx, projectId));
    }
    if (rule.to === "DECIDED") {
      await notifyTeam(tx, "VIEWER", { kind: "project.closed", ...told });
      // The reasons a blind vote kept hidden are shown now: so is a draft left as pre-filled.
      const { votingMode } = await tx.project.findUniqueOrThrow({
        where: { id: projectId },
        select: { votingMode: true },
      });
      if (votingMode === "BLIND") await revealDraftReasons(tx, projectId, actor.userId);
    }
    return project;
  });
}

/**
 * Why a project whose voting is not open cannot be closed: what happened to it, and what to do
 * instead (the CLI's `tradeoff close` says the same in its own commands). A closed project is
 * decided once its record is written (an imported record that was only proposed is not).
 */
async function nothingToClose(
  tx: Prisma.TransactionClient,
  projectId: string,
  status: ProjectStatus,
): Promise<string> {
  switch (status) {
    case "DRAFT":
      return "Voting on this decision has not opened, so there is nothing to close. Open it for voting first.";
    case "SUPERSEDED":
      return "This decision is already decided and superseded by a later decision: nothing to close.";
    case "ARCHIVED":
      return "This decision is archived: nothing to close.";
    default: {
      const record = await tx.decisionRecord.findFirst({
        where: { projectId },
        select: { source: true },
      });
      const recorded =
        record !== null &&
        recordStatusOf({
          status,
          recorded: true,
          sourceStatus: readRecordSource(record.source)?.status ?? null,
        }) === "accepted";
      return recorded
        ? "This decision is already decided: nothing to close. Change its record with a new revision, or supersede it with a new decision."
        : "Voting on this decision is already closed: nothing to close. Record the outcome on its record page.";
    }
  }
}

/**
 * Reopens a closed project as a new round. The closing round's votes and result are frozen in
 * ProjectRound; current votes carry over so members only change what they want to, and the
 * page compares the new result with the frozen one.
 */
export async function reopenProject(db: PrismaClient, actor: TeamActor, projectId: string) {
  return db.$transaction(async (tx) => {
    const locked = await lockProject(tx, actor, projectId, "update");
    assertCanManageProject(locked.actor, locked);
    if (locked.status !== "DECIDED") {
      throw new DomainError(
        "CONFLICT",
        `Only a closed decision can be reopened; this one is ${STATUS_WORDS[locked.status]}.`,
      );
    }
    // A recorded decision stays as recorded: it changes by revision, or is superseded.
    const record = await tx.decisionRecord.findUnique({
      where: { projectId },
      select: { id: true },
    });
    if (record) {
      throw new DomainError(
        "CONFLICT",
        "This decision has been recorded, so it cannot be reopened. Revise the record, or start a new project that supersedes it.",
      );
    }
    const loaded = await loadDecision(tx, projectId, { inTransaction: true });
    const result = aggregate(loaded.decision, { method: loaded.method });
    await tx.projectRound.create({
      data: {
        projectId,
        round: locked.round,
        votes: loaded.votes.map((vote) => ({
          ...vote,
          updatedAt: vote.updatedAt.toISOString(),
        })) as Prisma.InputJsonValue,
        result: result as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    const project = await moveProjectStatus(tx, {
      projectId,
      teamId: locked.teamId,
      actorId: actor.userId,
      from: "DECIDED",
      to: "OPEN",
      set: { round: locked.round + 1, closedAt: null, openedAt: new Date() },
    });
    await recordEvent(tx, actor, projectId, {
      type: "round.reopened",
      data: { round: project.round, previousRound: locked.round },
    });
    await scheduleDeadlineReminders(tx, await deadlineOf(tx, projectId));
    await notifyTeam(tx, "MEMBER", {
      kind: "project.reopened",
      teamId: locked.teamId,
      projectId,
      actorId: actor.userId,
    });
    return project;
  });
}

/** The project's deadline and round, read inside the transaction that just moved it. */
function deadlineOf(tx: Prisma.TransactionClient, projectId: string) {
  return tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { id: true, round: true, deadline: true },
  });
}
