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

/** Answers given together that cannot all be true, and what to do about it. */
export type AnswerContradiction = {
  /** The questions whose answers contradict each other, in question order. */
  questionKeys: string[];
  /** Names the questions and the answers, says why they contradict, and what to do. */
  message: string;
};

export type SuggestedWeights = {
  /** Starting weight (0..5) per criterion key. */
  weights: Record<string, number>;
  /** Every change from the defaults, in question order, each with its reason. */
  changes: WeightChange[];
  /**
   * The template's contradictory combinations these answers contain. They are flagged, never
   * refused: the weights still count every answer, and the person decides which one to change.
   */
  contradictions: AnswerContradiction[];
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
  return { weights, changes, contradictions: contradictionsIn(template, answers) };
}

/** The template's contradictory combinations of answers that `answers` contains in full. */
export function contradictionsIn(
  template: DecisionTemplate,
  answers: ContextAnswers,
): AnswerContradiction[] {
  const order = template.contextQuestions.map((q) => q.key);
  return (template.answerConflicts ?? []).flatMap((conflict) => {
    const keys = Object.keys(conflict.answers).sort((a, b) => order.indexOf(a) - order.indexOf(b));
    if (!keys.every((key) => answers[key] === conflict.answers[key])) return [];
    const given = keys.map((key) => {
      const question = template.contextQuestions.find((q) => q.key === key)?.question ?? key;
      return `“${question}” (${conflict.answers[key] ? "Yes" : "No"})`;
    });
    const listed = `${given.slice(0, -1).join(", ")} and ${given.at(-1)}`;
    return [
      {
        questionKeys: keys,
        message: `${listed} contradict each other: ${conflict.why} Change one of these answers, or answer “Not sure” to the one you are unsure of. Until then the proposed weights count both answers, so their effects may cancel out.`,
      },
    ];
  });
}
