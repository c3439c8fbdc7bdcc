import type { DecisionTemplate } from "./types";

/** Answers to context questions by question key; unanswered questions change nothing. */
export type ContextAnswers = Record<string, boolean | undefined>;

export type WeightChange = {
  criterionKey: string;
  questionKey: string;
  answer: boolean;
  from: number;
  to: number;
  reason: string;
};

export type SuggestedWeights = {
  /** Starting weight (0..5) per criterion key. */
  weights: Record<string, number>;
  /** Every change from the defaults, in question order, each with its reason. */
  changes: WeightChange[];
};

const clampWeight = (x: number) => Math.min(5, Math.max(0, x));

/**
 * Starting weights from the answers to a template's context questions: each answer moves
 * some criteria up or down from their defaults, within 0..5. Only proposes weights; it
 * never votes for anyone.
 */
export function suggestWeights(
  template: DecisionTemplate,
  answers: ContextAnswers,
): SuggestedWeights {
  const weights: Record<string, number> = {};
  for (const criterion of template.criteria) weights[criterion.key] = criterion.defaultWeight;
  const changes: WeightChange[] = [];

  for (const question of template.contextQuestions) {
    const answer = answers[question.key];
    if (answer === undefined) continue;
    for (const effect of answer ? question.ifYes : question.ifNo) {
      const from = weights[effect.criterionKey];
      if (from === undefined) continue;
      const to = clampWeight(from + effect.change);
      if (to === from) continue;
      weights[effect.criterionKey] = to;
      changes.push({
        criterionKey: effect.criterionKey,
        questionKey: question.key,
        answer,
        from,
        to,
        reason: effect.reason,
      });
    }
  }
  return { weights, changes };
}
