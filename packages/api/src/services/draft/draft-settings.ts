import type { PrismaClient } from "@tradeoff/db";
import type { TeamActor } from "../../domain/roles";
import { DomainError } from "../../errors";
import { assertCanManageProject } from "../project/access";
import { recordEvent } from "../project/events";
import { findTeamProject } from "../project/find-team-project";

/** Whether every named decision-maker must approve the draft, or a majority (admins). */
export async function setApprovalRule(
  db: PrismaClient,
  actor: TeamActor,
  input: { projectId: string; approvalRule: "ALL" | "MAJORITY" },
) {
  return db.$transaction(async (tx) => {
    const before = await findTeamProject(
      tx,
      { teamId: actor.teamId, projectId: input.projectId },
      { approvalRule: true },
    );
    const accepted = await tx.recordDraft.count({
      where: { projectId: input.projectId, status: "ACCEPTED" },
    });
    if (accepted) {
      throw new DomainError("CONFLICT", "The record's draft was already accepted under its rule.");
    }
    if (before.approvalRule === input.approvalRule) return { approvalRule: input.approvalRule };
    await tx.project.update({
      where: { id: input.projectId },
      data: { approvalRule: input.approvalRule },
      select: { id: true },
    });
    await recordEvent(tx, actor, input.projectId, {
      type: "project.edited",
      data: {
        before: { approvalRule: before.approvalRule },
        after: { approvalRule: input.approvalRule },
      },
    });
    return { approvalRule: input.approvalRule };
  });
}

/**
 * Whether share links show the draft before it is accepted: the sharer's choice (admins and
 * the project's creator, who may share it).
 */
export async function setDraftSharing(
  db: PrismaClient,
  actor: TeamActor,
  input: { projectId: string; sharedBeforeAcceptance: boolean },
) {
  const project = await findTeamProject(
    db,
    { teamId: actor.teamId, projectId: input.projectId },
    { createdById: true },
  );
  assertCanManageProject(actor, project);
  const { count } = await db.recordDraft.updateMany({
    where: { projectId: input.projectId, teamId: actor.teamId },
    data: { sharedBeforeAcceptance: input.sharedBeforeAcceptance },
  });
  if (count === 0) throw new DomainError("NOT_FOUND", "This decision has no record draft yet.");
  return { sharedBeforeAcceptance: input.sharedBeforeAcceptance };
}
