import {
  type AggregateOptions,
  aggregate,
  type DecisionInput,
  type Recommendation,
} from "@tradeoff/scoring";

/**
 * The recommendation, or none for a record that cannot be scored: one imported from a
 * docs/decisions folder may name one option, or more than six, and no criteria. It then shows
 * no totals and no winner (nothing was voted here), rather than failing to open.
 */
export function aggregateOrUnscored(input: DecisionInput, opts: AggregateOptions): Recommendation {
  const scorable =
    input.options.length >= 2 &&
    input.options.length <= 6 &&
    input.criteria.length >= 1 &&
    input.criteria.length <= 30;
  if (scorable) return aggregate(input, opts);
  const members = input.members?.length ?? 0;
  return {
    method: opts.method ?? "weighted-mean",
    totals: input.options.map((o) => ({ optionKey: o.key, score: null, rank: null })),
    winner: null,
    margin: 0,
    criteria: [],
    coverage: { counted: 0, total: input.criteria.length, weightShare: 0 },
    participation: {
      complete: 0,
      partial: 0,
      none: members,
      eligible: members,
      quorum: null,
      quorumMet: false,
    },
    status: "provisional",
    confidence: null,
    confidenceVoters: 0,
    singleVoterCriteria: 0,
    personal: [],
  };
}
