import type { PrismaClient } from "@tradeoff/db";
import { hasRole, type TeamActor } from "../../domain/roles";
import { recordStatusOf } from "../export/record-status";
import { readRecordSource } from "../record/record-source";
import { canManageProject } from "./access";
import { findTeamProject } from "./find-team-project";
import { orderedCriteria, orderedOptions } from "./select";

/** Everything the project page shows about the project itself (votes and results come apart). */
export async function getProject(db: PrismaClient, actor: TeamActor, input: { projectId: string }) {
  const project = await findTeamProject(
    db,
    { teamId: actor.teamId, projectId: input.projectId },
    {
      id: true,
      teamId: true,
      number: true,
      title: true,
      context: true,
      status: true,
      method: true,
      votingMode: true,
      deadline: true,
      quorum: true,
      round: true,
      templateKey: true,
      isSample: true,
      tags: true,
      createdAt: true,
      updatedAt: true,
      openedAt: true,
      closedAt: true,
      createdById: true,
      createdBy: { select: { name: true } },
      team: { select: { name: true, slug: true } },
      options: orderedOptions,
      criteria: orderedCriteria,
      rounds: { select: { round: true, closedAt: true }, orderBy: { round: "asc" } },
      record: { select: { id: true, source: true } },
      recordDraft: { select: { id: true } },
    },
  );
  const actorRef = { userId: actor.userId, role: actor.role };
  const { record, recordDraft, ...details } = project;
  return {
    ...details,
    /** Whether the team has started writing the record together (its shared draft). */
    hasDraft: recordDraft !== null,
    /** Whether the decision has been recorded (what was chosen and why). */
    recorded: record !== null,
    /** The record's status in MADR's words (proposed, accepted, rejected, deprecated, superseded). */
    recordStatus: recordStatusOf({
      status: project.status,
      recorded: record !== null,
      sourceStatus: readRecordSource(record?.source)?.status ?? null,
    }),
    criteria: details.criteria.map((criterion) => ({
      ...criterion,
      guidance: (criterion.guidance ?? {}) as Record<
        string,
        { summary: string; suggestedScore?: number }
      >,
    })),
    viewer: {
      userId: actor.userId,
      role: actor.role,
      canManage: canManageProject(actorRef, project),
      canVote: hasRole(actor.role, "MEMBER"),
      canEdit: hasRole(actor.role, "MEMBER") && canManageProject(actorRef, project),
    },
  };
}

export type ProjectDetails = Awaited<ReturnType<typeof getProject>>;
