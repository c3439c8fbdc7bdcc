import type { Method } from "./types";

/**
 * Numbers as the page, the exports and the command line show them, worded and rounded alike.
 */

/** The most decimals a flip point is shown with; two different importances differ before. */
const MAX_FLIP_DECIMALS = 12;

/**
 * A flip point and today's importance, each with the fewest decimals (at least one) that tell
 * them apart: "0.97" and "1.00" rather than "1.0" and "1.0". Rounding both alike keeps their
 * order, so a flip point below today's importance never reads as above it.
 */
export function flipFigures(flipAt: number, importance: number): { at: string; now: string } {
  let decimals = 1;
  while (
    decimals < MAX_FLIP_DECIMALS &&
    flipAt.toFixed(decimals) === importance.toFixed(decimals)
  ) {
    decimals++;
  }
  return { at: flipAt.toFixed(decimals), now: importance.toFixed(decimals) };
}

/** "0.97 (now 1.00)": a flip point with today's importance, as `flipFigures` shows them. */
export function flipText(flipAt: number, importance: number): string {
  const { at, now } = flipFigures(flipAt, importance);
  return `${at} (now ${now})`;
}

/**
 * "0 (now 1.0)": an end of the importance range where the winner only ties (`tiesAt` of a
 * criterion's result), with today's importance told apart from it as `flipFigures` does. The
 * end is a whole number: nothing lies beyond it, so it is not a point to go below or above.
 */
export function tieFigures(tiesAt: number, importance: number): { at: string; now: string } {
  return { at: tiesAt.toFixed(0), now: flipFigures(tiesAt, importance).now };
}

/**
 * A criterion's flip point as a table cell: "0.97 (now 1.00)" for a flip, "ties at 0 (now
 * 1.0)" where the winner only ties at an end of the range, "-" for neither. `tiesAt` may be
 * missing from a result computed before it existed.
 */
export function flipCellText(c: {
  flipAt: number | null;
  tiesAt?: number | null;
  importance: number;
}): string {
  if (c.flipAt !== null) return flipText(c.flipAt, c.importance);
  if (c.tiesAt == null) return "-";
  const { at, now } = tieFigures(c.tiesAt, c.importance);
  return `ties at ${at} (now ${now})`;
}

/**
 * Parts of a whole rounded to `decimals` so that they add up to the whole rounded the same way
 * (`total`, when given, else the sum of the parts): the largest remainder method. Each part is
 * rounded down, and the units still missing go one each to the parts with the largest
 * remainders (the earlier part first on equal remainders). Each part stays within one unit of
 * its value.
 */
export function roundToTotal(
  values: readonly number[],
  decimals: number,
  total?: number,
): number[] {
  const scale = 10 ** decimals;
  // Six decimals below the unit absorb float error, so 14.0625 * 10 does not floor to 140.
  const scaled = values.map((v) => Math.round(v * scale * 1e6) / 1e6);
  const floors = scaled.map(Math.floor);
  const whole = total ?? values.reduce((sum, v) => sum + v, 0);
  const target = Math.round(Math.round(whole * scale * 1e6) / 1e6);
  let missing = target - floors.reduce((sum, v) => sum + v, 0);
  const byRemainder = scaled
    .map((v, i) => ({ i, remainder: Math.round((v - (floors[i] ?? 0)) * 1e6) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    missing--;
  }
  // Parts that would have to round past their neighbours to reach the total: take the extra
  // units from the smallest remainders, so the parts still add up.
  for (const { i } of byRemainder.reverse()) {
    if (missing >= 0) break;
    floors[i] = (floors[i] ?? 0) - 1;
    missing++;
  }
  return floors.map((units) => units / scale);
}

/**
 * Shares of a whole (0..1 each, adding up to 1) as whole percentages that add up to 100%:
 * three equal shares read 34%, 33%, 33%, never 33% three times.
 */
export function sharePercents(shares: readonly number[]): string[] {
  return roundToTotal(
    shares.map((s) => s * 100),
    0,
  ).map((p) => `${p.toFixed(0)}%`);
}

/**
 * Whether a method's totals are sums of points that each criterion adds (weighted mean,
 * median). The Borda count's are not: each member's own scores and importances rank the
 * options for them, and the totals count those rankings' points.
 */
export const addsUpByCriterion = (method: Method): boolean => method !== "borda";

/** Why the Borda count shows no points per criterion, alike on every surface. */
export const BORDA_BREAKDOWN =
  "Under the Borda count no criterion adds points of its own: each member's own scores and importances rank the options for them, an option gets a point for every option below it in a member's ranking (half a point for a tie), and its total is its share of the most points it could get, from 0 to 100.";

/**
 * What the sensitivity says under the Borda count: the team's importances do not enter its
 * totals (each member's own do), so no team importance has a flip point to compute.
 */
export const BORDA_SENSITIVITY =
  "not computed for the Borda count: its totals rest on each member's own ranking, not on the team's importances, so no single importance is searched for where the winner changes.";

/** Why the recommended option is recommended, in the words of its method. */
export function recommendedBecause(method: Method): string {
  if (method === "borda") return "it gets the most Borda points from the members' own rankings";
  if (method === "median")
    return "it has the highest weighted total of the team's median importances and scores";
  return "it has the highest weighted score of the team's votes";
}
