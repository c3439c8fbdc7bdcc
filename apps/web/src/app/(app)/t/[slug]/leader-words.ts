import {
  type Coverage,
  coverageBasis,
  type Participation,
  type RecommendationStatus,
} from "@tradeoff/scoring";

/** What the project list shows next to a project's leading option. */
export type LeaderWords = {
  /** "Leading", "Provisional leader", "Result" or "Provisional result". */
  label: string;
  /**
   * The sentence saying what the leader rests on, as the project page words it under its
   * "Provisional" or "Ready" heading (the label says which): "Based on 3 of 13 criteria…".
   */
  basis: string;
};

/**
 * The words around a leader in the project list: a provisional leader says so and what it
 * rests on (criteria counted, complete ballots, stored votes left out), so it never reads as a
 * settled result.
 */
export function leaderWords(
  projectStatus: string,
  leader: {
    status: RecommendationStatus;
    coverage: Coverage;
    participation: Participation;
    /** Stored votes the leader leaves out because they cannot be read; said after the rest. */
    unreadableVotes?: number;
  },
): LeaderWords {
  const decided = projectStatus === "DECIDED";
  const provisional = leader.status === "provisional";
  const label = decided
    ? provisional
      ? "Provisional result"
      : "Result"
    : provisional
      ? "Provisional leader"
      : "Leading";
  return { label, basis: coverageBasis(leader) };
}

/**
 * How far a project's ballots have come, for the project list: complete and partial ballots
 * where the list has them ("1 of 4 ballots complete, 2 partial"), so a member who scored one
 * criterion never reads as having voted; otherwise who has started ("3 of 4 started voting").
 */
export function ballotsWords(p: {
  voters: number;
  eligible: number;
  leader: { participation: Participation } | null;
}): string {
  const ballots = p.leader?.participation;
  if (!ballots) return `${p.voters} of ${p.eligible} started voting`;
  const partial = ballots.partial > 0 ? `, ${ballots.partial} partial` : "";
  return `${ballots.complete} of ${ballots.eligible} ballots complete${partial}`;
}
