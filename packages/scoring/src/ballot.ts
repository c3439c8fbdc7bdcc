import type { Vote } from "./types";

/** Where one member's ballot stands: the states participation counts. */
export type BallotState = "complete" | "partial" | "none";

export type Ballot = {
  /** Criteria the member finished: every option scored, or marked "no opinion". */
  doneCriteria: number;
  state: BallotState;
};

/** What `ballotOf` reads of a vote. */
export type BallotVote = Pick<Vote, "criterionKey" | "weight" | "scores"> & { noOpinion?: boolean };
type BallotShape = {
  options: readonly { key: string }[];
  criteria: readonly { key: string }[];
};

/**
 * Whether a member finished one criterion: every option scored, or marked "no opinion". The
 * voting panel shows its "done" marks by it.
 */
export function criterionDone(
  options: readonly { key: string }[],
  vote: Pick<BallotVote, "scores" | "noOpinion">,
): boolean {
  return vote.noOpinion === true || options.every((o) => vote.scores[o.key] != null);
}

/**
 * One member's ballot, by the rule the recommendation's participation counts (and its quorum):
 * a criterion is done when the member scored every option on it or marked it "no opinion";
 * an importance is not required there (the default weight stands for it) and is not enough on
 * its own. The ballot is complete when every criterion is done, partial when the member gave
 * anything (an importance, a score, a "no opinion"), none otherwise. Scores for options the
 * decision no longer has count for nothing. Every screen, reminder and list that says whose
 * ballot is complete asks this, so none can disagree with the recommendation.
 */
export function ballotOf(shape: BallotShape, votes: readonly BallotVote[]): Ballot {
  const criteria = new Set(shape.criteria.map((c) => c.key));
  const done = new Set<string>();
  let anything = false;
  for (const vote of votes) {
    if (!criteria.has(vote.criterionKey)) continue;
    const scoredAny = shape.options.some((o) => vote.scores[o.key] != null);
    if (vote.noOpinion || vote.weight != null || scoredAny) anything = true;
    if (criterionDone(shape.options, vote)) done.add(vote.criterionKey);
  }
  const doneCriteria = done.size;
  const state: BallotState =
    criteria.size > 0 && doneCriteria === criteria.size
      ? "complete"
      : anything
        ? "partial"
        : "none";
  return { doneCriteria, state };
}
