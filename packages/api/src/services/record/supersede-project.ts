import type { PrismaClient, Role } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { notifyTeam } from "../notification/notify";
import { assertCanManageProject, STATUS_WORDS } from "../project/access";
import { lockProject } from "../project/lock-project";
import { moveProjectStatus } from "../project/move-status";
import { recordDecisionEvent } from "./record-decision";

type Actor = { userId: string; teamId: string; role: Role };

/**
 * Marks a decided project as superseded by one or more projects of the same team (MADR allows
 * several successors). Both sides show the link; the old record's status reads
 * "superseded by ...". Superseding an already superseded project adds successors.
 */
export async function supersedeProject(
  db: PrismaClient,
  actor: Actor,
  input: { projectId: string; successorIds: string[] },
) {
  const successorIds = [...new Set(input.successorIds)];
  if (successorIds.includes(input.projectId)) {
    throw new DomainError("BAD_REQUEST", "A decision cannot supersede itself.", {
      successorIds: ["A decision cannot supersede itself."],
    });
  }
  return db.$transaction(async (tx) => {
    const locked = await lockProject(tx, input.projectId, "update");
    if (locked.teamId !== actor.teamId)
      throw new DomainError("NOT_FOUND", "Decision project was not found.");
    assertCanManageProject(actor, locked);
    if (locked.status !== "DECIDED" && locked.status !== "SUPERSEDED") {
      throw new DomainError(
        "CONFLICT",
        `Only a decided project can be superseded; this one is ${STATUS_WORDS[locked.status]}.`,
      );
    }
    // Tenancy: successors must be projects of the same team; others read as missing.
    const successors = await tx.project.findMany({
      where: { id: { in: successorIds }, teamId: actor.teamId },
      select: { id: true, number: true, title: true },
    });
    if (successors.length !== successorIds.length) {
      throw new DomainError("NOT_FOUND", "The replacing decision was not found in this team.", {
        successorIds: ["Pick decisions of this team."],
      });
    }
    await tx.supersession.createMany({
      data: successors.map((s) => ({
        predecessorId: input.projectId,
        successorId: s.id,
        createdById: actor.userId,
      })),
      skipDuplicates: true,
    });
    if (locked.status !== "SUPERSEDED") {
      await moveProjectStatus(tx, {
        projectId: input.projectId,
        teamId: locked.teamId,
        actorId: actor.userId,
        from: "DECIDED",
        to: "SUPERSEDED",
      });
    }
    await recordDecisionEvent(tx, {
      projectId: input.projectId,
      teamId: locked.teamId,
      actorId: actor.userId,
      type: "decision.superseded",
      data: { successors: successors.map((s) => ({ id: s.id, number: s.number, title: s.title })) },
    });
    for (const successor of successors) {
      await recordDecisionEvent(tx, {
        projectId: successor.id,
        teamId: locked.teamId,
        actorId: actor.userId,
        type: "decision.supersedes",
        data: { predecessorId: input.projectId },
      });
    }
    await notifyTeam(tx, "VIEWER", {
      kind: "project.superseded",
      teamId: locked.teamId,
      projectId: input.projectId,
      actorId: actor.userId,
    });
    return { projectId: input.projectId, status: "SUPERSEDED" as const, successors };
  });
}
