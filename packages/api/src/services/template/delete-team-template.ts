import type { PrismaClient } from "@tradeoff/db";
import { builtInTemplates } from "@tradeoff/templates";
import { ROLE_RANK, type TeamActor } from "../../domain/roles";
import { DomainError, notFound } from "../../errors";

/**
 * Deletes one of the team's saved templates: its author, or an admin or owner of the team.
 * Built-in templates are part of Tradeoff itself and cannot be deleted. Projects started from
 * a template keep their own copy of its options and criteria, so they do not change.
 */
export async function deleteTeamTemplate(
  db: PrismaClient,
  actor: TeamActor,
  input: { templateId: string },
) {
  if (builtInTemplates.some((template) => template.key === input.templateId)) {
    throw new DomainError(
      "BAD_REQUEST",
      "Built-in templates are part of Tradeoff and cannot be deleted; only the team's own templates can.",
    );
  }
  const template = await db.teamTemplate.findFirst({
    where: { id: input.templateId, teamId: actor.teamId },
    select: { id: true, createdById: true },
  });
  if (!template) throw notFound("Template");
  if (ROLE_RANK[actor.role] < ROLE_RANK.ADMIN && template.createdById !== actor.userId) {
    throw new DomainError(
      "FORBIDDEN",
      "Only the template's author, or an admin or owner of the team, can delete it.",
    );
  }
  await db.teamTemplate.deleteMany({ where: { id: template.id, teamId: actor.teamId } });
  return { id: template.id };
}
