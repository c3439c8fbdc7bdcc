/**
 * How a score of 1 to 5 reads as a pro or a con, one rule for the draft's pre-filled reasons and
 * every export's pros and cons: 4 or more is Good, 2 or less Bad, in between (a team's mean of
 * 2.5 or 3.7 too) Neutral.
 */
export type Verdict = "Good" | "Neutral" | "Bad";

export const verdictOf = (score: number): Verdict =>
  score >= 4 ? "Good" : score <= 2 ? "Bad" : "Neutral";

/** The order the verdicts are listed in. */
export const VERDICT_ORDER: Record<Verdict, number> = { Good: 0, Neutral: 1, Bad: 2 };

/** The rule in words, said once above the lists it files. */
export const SCORE_RULE =
  "Good for a score of 4 or more of 5, Bad for 2 or less, Neutral in between";
