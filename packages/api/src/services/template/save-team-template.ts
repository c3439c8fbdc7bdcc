import type { PrismaClient } from "@tradeoff/db";
import { notFound } from "../../errors";
import { orderedCriteria, orderedOptions } from "../project/select";

/** Saves a project's options and criteria (with guidance and anchors) as a team template. */
export async function saveTeamTemplate(
  db: PrismaClient,
  actor: { userId: string; teamId: string },
  input: { projectId: string; name: string; description: string },
) {
  const project = await db.project.findFirst({
    where: { id: input.projectId, teamId: actor.teamId },
    select: {
      options: orderedOptions,
      criteria: orderedCriteria,
    },
  });
  if (!project) throw notFound("Decision project");
  return db.teamTemplate.create({
    data: {
      teamId: actor.teamId,
      name: input.name,
      description: input.description,
      options: project.options,
      criteria: project.criteria.map((c) => ({ ...c, guidance: c.guidance ?? {} })),
      createdById: actor.userId,
    },
    select: { id: true, name: true, description: true, createdAt: true },
  });
}
