export { aggregate, DEFAULT_RESAMPLES, METHODS } from "./aggregate";
export {
  type Ballot,
  type BallotState,
  type BallotVote,
  ballotOf,
  criterionDone,
} from "./ballot";
export {
  countSingleVoterCriteria,
  coverageBasis,
  coverageLine,
  decidedWithLine,
  fewCountedSensitivity,
  marginWords,
  noConfidenceReason,
  notCountedReason,
  quorumOverTeam,
  quorumStatus,
  recordedCoverageLine,
  recordViewCoverageLine,
  restsOnImportedFile,
  sharePercent,
  unreadableVotesLine,
  unscoredCanChange,
} from "./describe";
export { methodExplanation } from "./explain";
export { hotSpotMeasure, hotSpots, hotSpotsBasis, sensitivity, tieBreaks } from "./insights";
export { DEFAULT_SEED, seededRandom } from "./random";
export { type RecordedVote, recordedDecision } from "./recorded";
export { replay } from "./replay";
export { MIN_CONFIDENCE_VOTERS } from "./rules";
export {
  addsUpByCriterion,
  BORDA_BREAKDOWN,
  BORDA_SENSITIVITY,
  flipCellText,
  flipFigures,
  flipText,
  recommendedBecause,
  roundToTotal,
  sharePercents,
  tieFigures,
} from "./shown";
export { TIE_EPSILON } from "./totals";
export type {
  AggregateOptions,
  Coverage,
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
  RecommendationStatus,
  ReplayOptions,
  ShownCoverage,
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
