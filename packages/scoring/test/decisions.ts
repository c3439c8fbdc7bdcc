/**
 * Decisions for tests, written as the ballots behind them: `@tradeoff/scoring/testing`.
 *
 * The worked examples of the scoring tests, the command line's and the web app's all take this
 * shape, so a table of who gave what reads the same in each of them.
 */
import type { CriterionInput, DecisionInput, OptionInput, Vote } from "../src/types";

/** DRF and FastAPI: the two options most worked examples choose between. */
export const drfOrFastApi: OptionInput[] = [
  { key: "drf", name: "DRF" },
  { key: "fastapi", name: "FastAPI" },
];

/**
 * One member's ballot: for each criterion key, the importance they gave and then their score of
 * each option, in the order of the decision's options (null where they gave none).
 */
export type Ballot = Record<
  string,
  readonly [importance: number | null, ...scores: (number | null)[]]
>;

export type DecisionSketch = Pick<DecisionInput, "members" | "quorum"> & {
  /** The options, in the order a ballot scores them; DRF and FastAPI unless given. */
  options?: OptionInput[];
  /**
   * The criteria: their keys, or their names by key. Unless given, every key a ballot names,
   * in the order first named, without a name.
   */
  criteria?: readonly string[] | Readonly<Record<string, string>>;
  /** Every criterion's default weight (3 unless given) or, by key, each one's. */
  defaultWeight?: number | Readonly<Record<string, number>>;
  /** The ballots by voter id, in the order their votes are cast. */
  ballots: Readonly<Record<string, Ballot>>;
};

/** A decision with these votes: one vote per member and criterion their ballot names. */
export function decisionWithVotes(sketch: DecisionSketch): DecisionInput {
  const options = sketch.options ?? drfOrFastApi;
  const votes: Vote[] = Object.entries(sketch.ballots).flatMap(([voterId, ballot]) =>
    Object.entries(ballot).map(([criterionKey, [weight, ...scores]]) => ({
      voterId,
      criterionKey,
      weight,
      scores: Object.fromEntries(options.map((o, i) => [o.key, scores[i] ?? null])),
    })),
  );
  const names: Record<string, string | undefined> = Array.isArray(sketch.criteria)
    ? Object.fromEntries(sketch.criteria.map((key) => [key, undefined]))
    : (sketch.criteria ?? Object.fromEntries(votes.map((v) => [v.criterionKey, undefined])));
  const weightOf = (key: string) =>
    typeof sketch.defaultWeight === "object"
      ? (sketch.defaultWeight[key] ?? 3)
      : (sketch.defaultWeight ?? 3);
  const criteria: CriterionInput[] = Object.entries(names).map(([key, name]) =>
    name === undefined
      ? { key, defaultWeight: weightOf(key) }
      : { key, name, defaultWeight: weightOf(key) },
  );
  const decision: DecisionInput = { options, criteria, votes };
  if (sketch.members) decision.members = sketch.members;
  if (sketch.quorum !== undefined) decision.quorum = sketch.quorum;
  return decision;
}

/**
 * Ana and Cai rank DRF first by their own totals, Ben FastAPI: under the Borda count DRF gets 2
 * of the 3 points there are, 66.7, and no criterion adds points of its own.
 */
export const bordaBallots = {
  ana: { perf: [5, 5, 1], eco: [1, 1, 5] },
  ben: { perf: [1, 4, 3], eco: [5, 1, 5] },
  cai: { perf: [3, 3, 2], eco: [3, 3, 2] },
} as const satisfies Record<string, Ballot>;

/**
 * Ana perf 1 {1, 2}, eco 1 {1, 5}; Ben and Cai perf 2 {5, 1}, eco 1 {1, 5}: FastAPI leads by
 * 1.0, and Eco's importance (1.00) flips it at 0.97, Perf's (1.67) at 1.71.
 */
export const closeBallots = {
  ana: { perf: [1, 1, 2], eco: [1, 1, 5] },
  ben: { perf: [2, 5, 1], eco: [1, 1, 5] },
  cai: { perf: [2, 5, 1], eco: [1, 1, 5] },
} as const satisfies Record<string, Ballot>;

/**
 * One voter, three criteria of importance 3: DRF {5, 2, 2} and FastAPI {3, 3, 3} tie at 50.0,
 * and each of DRF's three shares rounds so that they add up to 100%.
 */
export const tiedBallots = {
  ana: { perf: [3, 5, 3], eco: [3, 2, 3], docs: [3, 2, 3] },
} as const satisfies Record<string, Ballot>;
