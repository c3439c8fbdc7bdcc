import { scorePoints, TIE_EPSILON } from "./totals";
import type { CriterionResult, Method, OptionTotal } from "./types";

/**
 * Readings of a result that the project page explains in words. Pure functions of the
 * criteria of `aggregate`'s result.
 */

/**
 * Where the team disagrees most. Under the weighted mean and the median, in proportion to how
 * much the criterion matters to the team (disagreement times its importance: the same order as
 * times its weight in the totals, and a criterion not counted yet, whose weight there is 0, still
 * ranks by how much it matters). The Borda count gives
 * no criterion a team weight (each member's own importances rank the options for them), so
 * there they are ranked by disagreement alone, and `weighted` is the disagreement itself.
 * `hotSpotsBasis` says which.
 */
export function hotSpots(
  criteria: readonly CriterionResult[],
  count = 3,
  method: Method = "weighted-mean",
) {
  const byImportance = method !== "borda";
  return criteria
    .filter((c) => c.voters >= 2 && c.disagreement > 0)
    .map((c) => ({
      criterionKey: c.key,
      disagreement: c.disagreement,
      importanceSpread: c.importanceSpread,
      scoreSpread: c.scoreSpread,
      /** The team's importance of the criterion (0..5); null under the Borda count, which has none. */
      importance: byImportance ? c.importance : null,
      /** What the list is ranked by: disagreement × importance (disagreement alone under Borda). */
      weighted: byImportance ? c.disagreement * c.importance : c.disagreement,
    }))
    .sort((a, b) => b.weighted - a.weighted)
    .slice(0, count);
}

/** How `hotSpots` ranks the criteria under a method, in words for every surface. */
export function hotSpotsBasis(method: Method): string {
  return method === "borda"
    ? "Where the team disagrees most. The Borda count gives no criterion a team weight (each member's own importances rank the options for them), so they are ranked by disagreement alone."
    : "Where the team disagrees most, ranked by disagreement × the team's importance of the criterion, highest first.";
}

/**
 * The figure a hot spot is ranked by, with its parts: "disagreement 62% × importance 4.5 = 2.8",
 * or "disagreement 88%" under the Borda count, so the list reads in its order.
 */
export function hotSpotMeasure(
  spot: { disagreement: number; importance: number | null; weighted: number },
  method: Method,
): string {
  const disagreement = `disagreement ${Math.round(spot.disagreement * 100)}%`;
  if (method === "borda" || spot.importance === null) return disagreement;
  return `${disagreement} × importance ${spot.importance.toFixed(1)} = ${spot.weighted.toFixed(1)}`;
}

/**
 * For each criterion whose importance could change the winner: the importance at which it
 * would, and whether that is below or above today's; the closest calls first. `tie`: the
 * importance is an end of the range (0 or 5) where the winner only draws level with another
 * option (`tiesAt`), not a point past which it falls behind.
 */
export function sensitivity(criteria: readonly CriterionResult[]) {
  return criteria
    .flatMap((c) =>
      [
        { at: c.flipAt, tie: false },
        { at: c.tiesAt ?? null, tie: true },
      ].flatMap(({ at, tie }) =>
        at === null
          ? []
          : [
              {
                criterionKey: c.key,
                importance: c.importance,
                flipAt: at,
                direction: at < c.importance ? ("below" as const) : ("above" as const),
                tie,
              },
            ],
      ),
    )
    .sort((a, b) => Math.abs(a.flipAt - a.importance) - Math.abs(b.flipAt - b.importance));
}

/**
 * On a tie between the top options: for each counted criterion, who leads once its importance
 * moves a little above today's (`above`) or a little below (`below`), others fixed; null where
 * the importance cannot move that way within 0..5 or the tie holds. Empty when there is a single
 * winner, nothing is counted, or under the Borda count (its totals rest on each member's own
 * importances, so no team importance is searched).
 *
 * With x = W_c and R the other counted importances, option o's total is (x * a_o + B_o) / (x + R)
 * with a_o = (S_c,o - 1) / 4 * 100. Two options p and q tied at today's x0 differ, at x, by
 * (x - x0) * (a_p - a_q) / (x + R): above x0 the tied option with the highest a_o leads, below
 * it the one with the lowest. Options behind the tie stay behind for a small move.
 */
export function tieBreaks(rec: {
  method: Method;
  totals: readonly OptionTotal[];
  criteria: readonly Pick<CriterionResult, "key" | "importance" | "counted" | "scores">[];
}): { criterionKey: string; importance: number; above: string | null; below: string | null }[] {
  if (rec.method === "borda") return [];
  const tied = rec.totals.filter((t) => t.rank === 1).map((t) => t.optionKey);
  if (tied.length < 2 || rec.totals.some((t) => t.score === null)) return [];
  /** The one tied option with the highest (sign 1) or lowest (sign -1) points on c, if one. */
  const leader = (c: (typeof rec.criteria)[number], sign: 1 | -1): string | null => {
    let best: string | null = null;
    let bestPoints = Number.NEGATIVE_INFINITY;
    let shared = false;
    for (const key of tied) {
      const p = sign * scorePoints(c.scores[key] ?? Number.NaN);
      if (p > bestPoints + TIE_EPSILON) {
        best = key;
        bestPoints = p;
        shared = false;
      } else if (p >= bestPoints - TIE_EPSILON) shared = true;
    }
    return shared ? null : best;
  };
  return rec.criteria
    .filter((c) => c.counted)
    .map((c) => ({
      criterionKey: c.key,
      importance: c.importance,
      above: c.importance < 5 ? leader(c, 1) : null,
      below: c.importance > 0 ? leader(c, -1) : null,
    }))
    .filter((t) => t.above !== null || t.below !== null);
}
