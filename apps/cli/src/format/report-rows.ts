import type { Recommendation } from "@tradeoff/scoring";
import { flipText, NOT_SCORED, type namer, percent, points, total } from "./labels";

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
