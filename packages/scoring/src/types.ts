/** One of the 2..6 things the team is choosing between. */
export type OptionInput = { key: string; name?: string };

/** One of the 1..30 aspects the options are compared on. */
export type CriterionInput = { key: string; name?: string; defaultWeight: number };

/**
 * One member's vote on one criterion: how much the criterion matters to them
 * (importance 0..5, null for "no opinion") and a score per option (1..5, null or
 * absent for "no opinion").
 */
export type Vote = {
  voterId: string;
  criterionKey: string;
  weight: number | null;
  scores: Record<string, number | null>;
};

export type DecisionInput = {
  options: OptionInput[];
  criteria: CriterionInput[];
  votes: Vote[];
  /** Everyone eligible to vote; participation is counted against it. */
  members?: string[];
  /** How many members must have voted for the result to count. */
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
};

export type OptionTotal = {
  optionKey: string;
  /** 0..100. */
  score: number;
  /** 1 for the best; tied options share a rank (1, 1, 3). */
  rank: number;
};

export type CriterionResult = {
  key: string;
  /** The team importance W_c actually used (mean or median of those given, or the default). */
  importance: number;
  /** Normalised weight w_c = W_c / sum of W, 0..1. */
  weight: number;
  /** Mean of the importances given, null when nobody gave one. */
  meanImportance: number | null;
  /** S_c,o per option key: the team score used (1..5; 3 when nobody scored it). */
  scores: Record<string, number>;
  /** Points this criterion adds to each option's total. */
  contributions: Record<string, number>;
  /** 0..1: how much the team disagrees here (spread of importances and of scores). */
  disagreement: number;
  /** Spread of the importances alone, 0..1. */
  importanceSpread: number;
  /** Mean spread of the scores across options, 0..1. */
  scoreSpread: number;
  /** How many members expressed something (an importance or a score) on this criterion. */
  voters: number;
  /** The importance (0..5) nearest to the current one at which the winner changes; null if none. */
  flipAt: number | null;
};

export type Participation = {
  voted: number;
  eligible: number;
  quorum: number | null;
  quorumMet: boolean;
};

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
  participation: Participation;
  /** 0..1 share of voter resamples with the same winner; null when skipped or nobody voted. */
  confidence: number | null;
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
   * ready to chart. Kept as plain numbers because a history can hold millions of events.
   */
  totals: number[];
  winner: string | null;
  margin: number;
};
