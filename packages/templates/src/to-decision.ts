import type { DecisionInput } from "@tradeoff/scoring";
import type { DecisionTemplate, TemplateCriterion } from "./types";

/** A template as a decision ready to vote on: a valid DecisionInput plus its descriptions. */
export type TemplateDecision = DecisionInput & {
  title: string;
  context: string;
  options: { key: string; name: string; description: string }[];
  criteria: TemplateCriterion[];
};

/**
 * The template as a decision with no votes yet; `weights` (e.g. from `suggestWeights`)
 * replace the default weights they name.
 */
export function templateToDecision(
  template: DecisionTemplate,
  weights: Record<string, number> = {},
): TemplateDecision {
  return {
    title: template.title,
    context: template.context,
    options: template.options.map(({ key, name, description }) => ({ key, name, description })),
    criteria: template.criteria.map((criterion) => ({
      ...criterion,
      defaultWeight: weights[criterion.key] ?? criterion.defaultWeight,
    })),
    votes: [],
  };
}

/**
 * The template as the input that creates a project from it (the API's `project.create` less the
 * team): its title, context and key, its options, and its criteria with their default weights and
 * guidance.
 */
export function templateToProjectInput(
  template: Pick<DecisionTemplate, "key" | "title" | "context" | "options" | "criteria">,
) {
  return {
    title: template.title,
    context: template.context,
    templateKey: template.key,
    options: template.options.map(({ key, name, description }) => ({ key, name, description })),
    criteria: template.criteria.map(({ key, name, description, defaultWeight, guidance }) => ({
      key,
      name,
      description,
      defaultWeight,
      guidance,
    })),
  };
}
