import type { Prisma, PrismaClient } from "@tradeoff/db";
import type { z } from "zod";
import type { TeamActor } from "../../domain/roles";
import { DomainError } from "../../errors";
import {
  PAST_DEADLINE_MESSAGE,
  STALE_EDIT_MESSAGE,
  type updateProjectSchema,
} from "../../schemas/project";
import { scheduleDeadlineReminders } from "../reminder/deadline-reminders";
import { assertCanManageProject, STATUS_WORDS } from "./access";
import { recordEvent } from "./events";
import { withGuidanceFor } from "./guidance";
import { lockProject } from "./lock-project";
import { orderedCriteria, orderedOptions } from "./select";

type Input = Omit<z.output<typeof updateProjectSchema>, "projectId">;

/** Fields that change how votes are read: fixed once voting starts. */
const DRAFT_ONLY = ["options", "criteria", "method", "votingMode"] as const;

/**
 * Edits a project. Options, criteria, method and voting mode change only while it is a draft;
 * title, context, deadline and quorum also while it is open. A new deadline must be in the
 * future; clearing it is always allowed. With `expectedUpdatedAt` (the `updatedAt` the editor
 * read), a save made after someone else changed the decision is refused with CONFLICT instead of
 * silently undoing their change. Records `project.edited` with the fields that changed, before
 * and after, in the same transaction.
 */
export async function updateProject(
  db: PrismaClient,
  actor: TeamActor,
  projectId: string,
  input: Input,
) {
  return db.$transaction(async (tx) => {
    const locked = await lockProject(tx, actor, projectId, "update");
    assertCanManageProject(locked.actor, locked);
    const draftOnly = DRAFT_ONLY.filter((field) => input[field] !== undefined);
    if (locked.status !== "DRAFT" && draftOnly.length > 0) {
      throw new DomainError(
        "CONFLICT",
        `Options, criteria, method and voting mode can only change while the decision is a draft; it is ${STATUS_WORDS[locked.status]}.`,
      );
    }
    if (locked.status !== "DRAFT" && locked.status !== "OPEN") {
      throw new DomainError(
        "CONFLICT",
        `This decision is ${STATUS_WORDS[locked.status]}; reopen it to edit it.`,
      );
    }

    const current = await tx.project.findUniqueOrThrow({
      where: { id: projectId },
      select: {
        updatedAt: true,
        title: true,
        context: true,
        deadline: true,
        quorum: true,
        method: true,
        votingMode: true,
        options: orderedOptions,
        criteria: orderedCriteria,
      },
    });

    // Read under the row lock: two saves of the same version cannot both pass.
    if (
      input.expectedUpdatedAt &&
      input.expectedUpdatedAt.getTime() !== current.updatedAt.getTime()
    ) {
      throw new DomainError("CONFLICT", STALE_EDIT_MESSAGE, {
        expectedUpdatedAt: [STALE_EDIT_MESSAGE],
      });
    }

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const data: Prisma.ProjectUpdateInput = {};
    for (const field of ["title", "context", "quorum", "method", "votingMode"] as const) {
      const value = input[field];
      if (value === undefined || value === current[field]) continue;
      before[field] = current[field];
      after[field] = value;
      (data as Record<string, unknown>)[field] = value;
    }
    if (input.deadline !== undefined) {
      const next = input.deadline?.toISOString() ?? null;
      const prev = current.deadline?.toISOString() ?? null;
      if (next !== prev) {
        // Only a new deadline is checked: one that passed while it stood may be kept, or cleared.
        if (input.deadline && input.deadline.getTime() <= Date.now()) {
          throw new DomainError("BAD_REQUEST", PAST_DEADLINE_MESSAGE, {
            deadline: [PAST_DEADLINE_MESSAGE],
          });
        }
        before.deadline = prev;
        after.deadline = next;
        data.deadline = input.deadline;
      }
    }
    if (input.options && JSON.stringify(input.options) !== JSON.stringify(current.options)) {
      before.options = current.options;
      after.options = input.options;
      await tx.option.deleteMany({ where: { projectId } });
      await tx.option.createMany({
        data: input.options.map((option, position) => ({ ...option, projectId, position })),
      });
    }
    // Guidance names options: new criteria, or new options, keep only what speaks of the latter.
    const optionKeys = new Set((input.options ?? current.options).map((o) => o.key));
    const criteria =
      input.criteria || input.options
        ? withGuidanceFor(input.criteria ?? current.criteria, optionKeys)
        : undefined;
    if (criteria && JSON.stringify(criteria) !== JSON.stringify(current.criteria)) {
      before.criteria = current.criteria;
      after.criteria = criteria;
      // Drafts have no votes; replacing the rows keeps positions simple.
      await tx.criterion.deleteMany({ where: { projectId } });
      await tx.criterion.createMany({
        data: criteria.map((criterion, position) => ({
          ...criterion,
          guidance: criterion.guidance as Prisma.InputJsonValue,
          projectId,
          position,
        })),
      });
    }
    if (Object.keys(after).length === 0) {
      return { id: projectId, changed: [] as string[], updatedAt: current.updatedAt };
    }
    const updated = await tx.project.update({
      where: { id: projectId },
      // Options and criteria live in their own tables: the project's time still says it changed.
      data: { ...data, updatedAt: new Date() },
      select: { id: true, round: true, deadline: true, updatedAt: true },
    });
    // A new deadline on an open decision gets its own reminders; the old ones find it moved.
    if (locked.status === "OPEN" && "deadline" in after) {
      await scheduleDeadlineReminders(tx, updated);
    }
    await recordEvent(tx, actor, projectId, {
      type: "project.edited",
      data: { before, after },
    });
    return { id: projectId, changed: Object.keys(after), updatedAt: updated.updatedAt };
  });
}
