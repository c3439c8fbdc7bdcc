export { aggregate, DEFAULT_RESAMPLES, METHODS } from "./aggregate";
export { hotSpots, sensitivity } from "./insights";
export { DEFAULT_SEED } from "./random";
export { replay } from "./replay";
export { NEUTRAL_SCORE, TIE_EPSILON } from "./totals";
export type {
  AggregateOptions,
  CriterionInput,
  CriterionResult,
  DecisionInput,
  DecisionShape,
  Method,
  OptionInput,
  OptionTotal,
  Participation,
  PersonalResult,
  Recommendation,
  ReplayOptions,
  TimelinePoint,
  Vote,
  VoteEvent,
} from "./types";
export {
  DecisionInputError,
  type DecisionInputIssue,
  LIMITS,
  validateDecisionInput,
} from "./validate";
