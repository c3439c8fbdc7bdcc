import type { Prisma } from "@tradeoff/db";
import type { ProjectStatus } from "./access";
import { recordEvent } from "./events";

/**
 * Moves a project (already locked by the caller's transaction) from one status to another,
 * with any other fields the move sets (`set`), and records `status.changed` in the same
 * transaction: every status change goes through here, so none is left out of the history.
 */
export async function moveProjectStatus(
  tx: Prisma.TransactionClient,
  move: {
    projectId: string;
    teamId: string;
    actorId: string;
    from: ProjectStatus;
    to: ProjectStatus;
    set?: Omit<Prisma.ProjectUpdateInput, "status">;
  },
) {
  const project = await tx.project.update({
    where: { id: move.projectId },
    data: { ...move.set, status: move.to },
    select: { id: true, status: true, round: true },
  });
  await recordEvent(tx, { userId: move.actorId, teamId: move.teamId }, move.projectId, {
    type: "status.changed",
    data: { from: move.from, to: move.to },
  });
  return project;
}
