import type { CriterionResult } from "./types";

/**
 * Readings of a result that the project page explains in words. Pure functions of the
 * criteria of `aggregate`'s result.
 */

/** Where the team disagrees most, in proportion to how much the criterion weighs in the result. */
export function hotSpots(criteria: readonly CriterionResult[], count = 3) {
  return criteria
    .filter((c) => c.voters >= 2 && c.disagreement > 0)
    .map((c) => ({
      criterionKey: c.key,
      disagreement: c.disagreement,
      importanceSpread: c.importanceSpread,
      scoreSpread: c.scoreSpread,
      weighted: c.disagreement * c.weight,
    }))
    .sort((a, b) => b.weighted - a.weighted)
    .slice(0, count);
}

/**
 * For each criterion whose importance could change the winner: the importance at which it
 * would, and whether that is below or above today's; the closest calls first.
 */
export function sensitivity(criteria: readonly CriterionResult[]) {
  return criteria
    .filter((c): c is CriterionResult & { flipAt: number } => c.flipAt !== null)
    .map((c) => ({
      criterionKey: c.key,
      importance: c.importance,
      flipAt: c.flipAt,
      direction: c.flipAt < c.importance ? ("below" as const) : ("above" as const),
    }))
    .sort((a, b) => Math.abs(a.flipAt - a.importance) - Math.abs(b.flipAt - b.importance));
}
