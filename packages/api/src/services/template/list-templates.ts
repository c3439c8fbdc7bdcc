import type { PrismaClient, Role } from "@tradeoff/db";
import { builtInTemplates } from "@tradeoff/templates";
import { ROLE_RANK } from "../../domain/roles";

type TemplateOption = { key: string; name: string; description: string };
type TemplateCriterion = {
  key: string;
  name: string;
  description: string;
  defaultWeight: number;
  guidance: Record<string, { summary: string; suggestedScore?: number }>;
  anchorLow: string | null;
  anchorHigh: string | null;
  mustHave: boolean;
};

/**
 * Built-in templates (with their context questions) and the team's own saved templates, each
 * saying whether the caller may delete it (its author, or an admin or owner).
 */
export async function listTemplates(
  db: PrismaClient,
  actor: { teamId: string; userId: string; role: Role },
) {
  const saved = await db.teamTemplate.findMany({
    where: { teamId: actor.teamId },
    select: {
      id: true,
      name: true,
      description: true,
      options: true,
      criteria: true,
      createdAt: true,
      createdById: true,
      createdBy: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  return {
    builtIn: builtInTemplates.map((template) => ({
      key: template.key,
      title: template.title,
      context: template.context,
      source: template.source,
      options: template.options.map(({ key, name, description }) => ({ key, name, description })),
      criteria: template.criteria.map(
        (criterion): TemplateCriterion => ({
          key: criterion.key,
          name: criterion.name,
          description: criterion.description,
          defaultWeight: criterion.defaultWeight,
          guidance: criterion.guidance,
          anchorLow: null,
          anchorHigh: null,
          mustHave: false,
        }),
      ),
      contextQuestions: template.contextQuestions.map(({ key, question }) => ({ key, question })),
    })),
    team: saved.map((template) => ({
      id: template.id,
      name: template.name,
      description: template.description,
      createdAt: template.createdAt,
      createdByName: template.createdBy?.name ?? null,
      options: template.options as TemplateOption[],
      criteria: template.criteria as TemplateCriterion[],
      deletable: ROLE_RANK[actor.role] >= ROLE_RANK.ADMIN || template.createdById === actor.userId,
    })),
  };
}
