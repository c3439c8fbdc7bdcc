import {
  type Coverage,
  coverageLine,
  type Participation,
  type RecommendationStatus,
} from "@tradeoff/scoring";

/** What the project list shows next to a project's leading option. */
export type LeaderWords = {
  /** "Leading", "Provisional leader", "Result" or "Provisional result". */
  label: string;
  /** The sentence saying what the leader rests on, as the project page words it. */
  basis: string;
};

/**
 * The words around a leader in the project list: a provisional leader says so and what it
 * rests on (criteria counted, complete ballots), so it never reads as a settled result.
 */
export function leaderWords(
  projectStatus: string,
  leader: { status: RecommendationStatus; coverage: Coverage; participation: Participation },
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
  return { label, basis: coverageLine(leader) };
}
