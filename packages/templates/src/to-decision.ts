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
