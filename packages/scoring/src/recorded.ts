import type { CriterionInput, DecisionInput, OptionInput, Vote } from "./types";

/** A vote as a decision's record lists it (the record view, its JSON export): by member. */
export type RecordedVote = Omit<Vote, "voterId"> & { memberId: string };

/**
 * A recorded decision's options, criteria and votes as scoring reads them, and only those fields
 * (a record also carries descriptions, guidance and reasons). The CLI's result table and the
 * check of an imported file's result both score a record this way, so they agree with each other.
 */
export function recordedDecision(record: {
  options: readonly OptionInput[];
  criteria: readonly CriterionInput[];
  votes: readonly RecordedVote[];
}): Pick<DecisionInput, "options" | "criteria" | "votes"> {
  return {
    options: record.options.map(({ key, name }) => ({ key, name })),
    criteria: record.criteria.map(({ key, name, defaultWeight }) => ({ key, name, defaultWeight })),
    votes: record.votes.map(({ memberId, criterionKey, weight, scores, noOpinion }) => ({
      voterId: memberId,
      criterionKey,
      weight,
      scores,
      ...(noOpinion ? { noOpinion: true } : {}),
    })),
  };
}
