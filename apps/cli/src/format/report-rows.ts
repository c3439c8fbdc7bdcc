import type { DecisionInput, Recommendation } from "@tradeoff/scoring";
import {
  confidenceLine,
  coverageText,
  decisionTitle,
  flipText,
  methodName,
  NOT_SCORED,
  namer,
  notScoredLines,
  participationLine,
  percent,
  points,
  total,
  verdict,
} from "./labels";

type Names = ReturnType<typeof namer>;

/** The ranking, best first: rank ("-" when not ranked), option, total score. */
export function rankingRows(rec: Recommendation, name: Names): string[][] {
  return [...rec.totals]
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((t) => [t.rank === null ? "-" : String(t.rank), name.option(t.optionKey), total(t.score)]);
}

/**
 * One row per criterion: its name, its weight, the points it adds to each option (in the
 * order of `rec.totals`), how much the team disagrees ("-" with fewer than two voters), and the
 * importance that flips the winner.
 */
export function criterionRows(rec: Recommendation, name: Names): string[][] {
  return rec.criteria.map((c) => [
    name.criterion(c.key),
    c.counted ? percent(c.weight) : NOT_SCORED,
    ...rec.totals.map((t) => (c.counted ? points(c.contributions[t.optionKey] ?? 0) : "-")),
    // Disagreement needs two voters at least; a 0.00 for one or none would be made up.
    c.voters >= 2 ? c.disagreement.toFixed(2) : "-",
    flipText(c.flipAt, c.importance),
  ]);
}

/**
 * What every rendering of a recommendation says (the table and Markdown lay it out their own
 * way): the title, the ranking, the verdict, what the result rests on, the criteria, and the
 * criteria not counted yet. `coverage`, for a recorded decision, is the coverage it was
 * recorded with, said in place of today's.
 */
export function reportParts(rec: Recommendation, decision: DecisionInput, coverage?: string) {
  const name = namer(decision);
  return {
    name,
    title: decisionTitle(decision),
    ranking: rankingRows(rec, name),
    verdict: verdict(rec, name.option),
    /** Coverage, confidence, ballots and method, one sentence each. */
    basis: [
      coverage ?? coverageText(rec),
      confidenceLine(rec),
      participationLine(rec),
      `Method: ${methodName[rec.method]}.`,
    ],
    criteria: criterionRows(rec, name),
    notScored: notScoredLines(rec, name),
  };
}
