import type { Coverage, Participation, RecommendationStatus } from "./types";

/**
 * A share as a whole percentage, rounded down, so that a result resting on part of the weight
 * never reads as 100%.
 */
export const sharePercent = (share: number): string => `${Math.floor(share * 100 + 1e-9)}%`;

/**
 * The one sentence that says what a recommendation rests on, worded alike by the page, the
 * exports and the command line:
 * "Provisional: based on 3 of 13 criteria (41% of the weight) and 0 of 2 complete ballots."
 * or "Ready: based on all 13 criteria and 2 of 2 complete ballots."
 */
export function coverageLine(rec: {
  coverage: Coverage;
  participation: Participation;
  status: RecommendationStatus;
}): string {
  const { coverage: c, participation: p } = rec;
  const ballots = `${p.complete} of ${p.eligible} complete ballot${p.eligible === 1 ? "" : "s"}`;
  const quorum =
    p.quorum === null ? "" : ` (quorum ${p.quorum}: ${p.quorumMet ? "met" : "not met"})`;
  const criteria = c.total === 1 ? "criterion" : "criteria";
  if (rec.status === "ready") {
    const all = c.total === 1 ? "its one criterion" : `all ${c.total} criteria`;
    return `Ready: based on ${all} and ${ballots}${quorum}.`;
  }
  return `Provisional: based on ${c.counted} of ${c.total} ${criteria} (${sharePercent(c.weightShare)} of the weight) and ${ballots}${quorum}.`;
}

/**
 * The coverage a decision is recorded with: "Decided with 9 of 13 criteria scored by 4 of 5
 * members". `voted` counts members with a complete or partial ballot.
 */
export function decidedWithLine(c: {
  counted: number;
  total: number;
  voted: number;
  eligible: number;
}): string {
  return `Decided with ${c.counted} of ${c.total} ${c.total === 1 ? "criterion" : "criteria"} scored by ${c.voted} of ${c.eligible} member${c.eligible === 1 ? "" : "s"}.`;
}

/**
 * Everything a recorded decision's coverage says, alike on the record page, its share link and
 * every export: `decidedWithLine`, then, for a decision recorded on a provisional result, how
 * little it rested on ("It was provisional when recorded: 8% of the weight was scored, with 0
 * complete ballots."), since "scored by 2 of 2 members" alone reads as if everyone had finished.
 */
export function recordedCoverageLine(c: {
  counted: number;
  total: number;
  voted: number;
  eligible: number;
  weightShare: number;
  complete: number;
  status: "provisional" | "ready";
}): string {
  if (c.status !== "provisional") return decidedWithLine(c);
  const ballots = `${c.complete} complete ballot${c.complete === 1 ? "" : "s"}`;
  return `${decidedWithLine(c)} It was provisional when recorded: ${sharePercent(c.weightShare)} of the weight was scored, with ${ballots}.`;
}
