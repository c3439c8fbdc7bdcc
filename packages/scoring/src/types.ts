/** One of the 2..6 things the team is choosing between. */
export type OptionInput = { key: string; name?: string };

/** One of the 1..30 aspects the options are compared on. */
export type CriterionInput = { key: string; name?: string; defaultWeight: number };

/**
 * One member's vote on one criterion: how much the criterion matters to them
 * (importance 0..5, null when not given) and a score per option (1..5, null or absent when
 * not given). `noOpinion: true` is an explicit abstention on the whole criterion: it carries
 * no importance and no scores, is left out of the criterion's means, and completes the
 * member's ballot on that criterion.
 */
export type Vote = {
  voterId: string;
  criterionKey: string;
  weight: number | null;
  scores: Record<string, number | null>;
  noOpinion?: boolean;
};

export type DecisionInput = {
  options: OptionInput[];
  criteria: CriterionInput[];
  votes: Vote[];
  /** Everyone eligible to vote; participation is counted against it. */
  members?: string[];
  /** How many members must have completed their ballot for the result to be ready. */
  quorum?: number;
};

/** The shape of a decision without its votes, as `replay` takes it. */
export type DecisionShape = Omit<DecisionInput, "votes">;

export type Method = "weighted-mean" | "median" | "borda";

export type AggregateOptions = {
  /** How votes are combined; "weighted-mean" unless said otherwise. */
  method?: Method;
  /** Seed of the resampling behind `confidence`; a fixed default keeps results reproducible. */
  seed?: number;
  /** How many resamples `confidence` uses (default 200); 0 skips it and leaves confidence null. */
  resamples?: number;
};

export type ReplayOptions = {
  method?: Method;
};

/** A change to one vote, as stored in the project history. */
export type VoteEvent = {
  /** When it happened (ISO string or epoch milliseconds); carried through to the timeline. */
  at: string | number;
  voterId: string;
  criterionKey: string;
  /** The new importance; null together with no scores retracts the vote. */
  weight: number | null;
  /** The new scores; absent or empty when the vote is retracted. */
  scores?: Record<string, number | null>;
  /** The member marked the criterion "no opinion" (weight null, no scores). */
  noOpinion?: boolean;
};

export type OptionTotal = {
  optionKey: string;
  /** 0..100; null when no criterion is counted yet (nothing to weigh). */
  score: number | null;
  /** 1 for the best; tied options share a rank (1, 1, 3); null with the score. */
  rank: number | null;
};

export type CriterionResult = {
  key: string;
  /** The team importance W_c actually used (mean or median of those given, or the default). */
  importance: number;
  /** Normalised weight w_c = W_c / sum of W over the counted criteria, 0..1; 0 when not counted. */
  weight: number;
  /** Mean of the importances given, null when nobody gave one. */
  meanImportance: number | null;
  /** Every option has at least one score here, so the criterion enters the totals. */
  counted: boolean;
  /** Keys of the options nobody scored here, in option order (empty when counted). */
  missingOptions: string[];
  /** S_c,o per option key: the team score (1..5); null where nobody scored the option. */
  scores: Record<string, number | null>;
  /**
   * Points this criterion adds to each option's total (0 for every option when not counted);
   * they add up to the totals. Empty under the Borda count, whose totals count each member's
   * own ranking: no criterion adds points of its own there.
   */
  contributions: Record<string, number>;
  /** 0..1: how much the team disagrees here (spread of importances and of scores). */
  disagreement: number;
  /** Spread of the importances alone, 0..1. */
  importanceSpread: number;
  /** Mean spread of the scores across options, 0..1. */
  scoreSpread: number;
  /** How many members expressed something (an importance or a score) on this criterion. */
  voters: number;
  /** How many members marked this criterion "no opinion". */
  noOpinion: number;
  /**
   * The importance nearest to the current one, strictly between 0 and 5, past which the winner
   * changes (at it, another option draws level; just past it, that option leads); null if none,
   * on a tie, and under the Borda count (not computed: its totals rest on each member's own
   * importances, not the team's).
   */
  flipAt: number | null;
  /**
   * An end of the importance range (0 or 5) where another option only draws level with the
   * winner, with no flip between today's importance and it: a tie there, not a flip (nothing
   * lies beyond it). Null otherwise, on a tie, and under the Borda count.
   */
  tiesAt: number | null;
};

/**
 * Ballots against the members. Complete: every criterion has the member's score for every
 * option or their "no opinion" mark; partial: something but not all; none: nothing yet.
 */
export type Participation = {
  complete: number;
  partial: number;
  none: number;
  eligible: number;
  /** The quorum counts complete ballots; null when the decision has none. */
  quorum: number | null;
  /**
   * Whether enough ballots are complete: `quorum` of them, or, with no quorum set, every
   * eligible member's.
   */
  quorumMet: boolean;
  /**
   * The quorum as the decision's owner set it, where the app knows it: one larger than the team
   * cannot be met, so `quorum` then counts every member and the words say so with this number.
   */
  quorumAsSet?: number | null;
};

/** How much of the decision the totals rest on. */
export type Coverage = {
  /** Criteria that enter the totals (every option scored by someone). */
  counted: number;
  total: number;
  /** Share (0..1) of the team's importance, given or default, that the counted criteria carry. */
  weightShare: number;
};

/**
 * Coverage as it may be shown: while a blind vote is open the weight share is null. The share
 * rests on the members' importances (with one voter on a criterion it moves with that member's
 * importance), so it stays hidden with the votes; the counts say how far voting has come.
 */
export type ShownCoverage = Omit<Coverage, "weightShare"> & { weightShare: number | null };

/** Ready: the quorum is met and every criterion is counted; provisional otherwise. */
export type RecommendationStatus = "provisional" | "ready";

export type PersonalResult = {
  voterId: string;
  totals: OptionTotal[];
  winner: string | null;
};

export type Recommendation = {
  method: Method;
  /** One entry per option, in the input's option order. */
  totals: OptionTotal[];
  /** The best option, or null on an exact tie or when there is nothing to weigh. */
  winner: string | null;
  /** Winner's score minus the runner-up's, in points (0 when there is no winner). */
  margin: number;
  /** One entry per criterion, in the input's criterion order. */
  criteria: CriterionResult[];
  coverage: Coverage;
  participation: Participation;
  status: RecommendationStatus;
  /**
   * 0..1 share of voter resamples with the same winner, over the counted criteria; null when
   * skipped, no criterion is counted, fewer than two voters gave something on the counted
   * criteria (one voter resampled always keeps the winner), or some counted criterion rests on
   * one voter (`singleVoterCriteria`). Read it with `coverage` and `confidenceVoters`.
   */
  confidence: number | null;
  /** How many voters the confidence resamples: those who gave something on a counted criterion. */
  confidenceVoters: number;
  /**
   * How many counted criteria rest on a single voter (one member gave anything there); while
   * any does, there is no confidence figure.
   */
  singleVoterCriteria: number;
  /** Each voter's own result, sorted by voter id. */
  personal: PersonalResult[];
};

/** The recommendation right after one event of the history. */
export type TimelinePoint = {
  at: string | number;
  /** Position of the event in the list given to `replay`. */
  index: number;
  /**
   * Each option's total (0..100), in the order of the decision's options: a series per option,
   * ready to chart; null while no criterion is counted. Kept as plain values because a history
   * can hold millions of events.
   */
  totals: (number | null)[];
  winner: string | null;
  margin: number;
};
