import type { OptionTotal } from "./types";

/** Totals closer than this (in points out of 100) count as a tie; it absorbs float rounding. */
export const TIE_EPSILON = 1e-9;

/** Points (0..100) a team score of 1..5 is worth at full weight: (S - 1) / 4 * 100. */
export const scorePoints = (score: number): number => ((score - 1) / 4) * 100;

/**
 * Whether criterion c is counted: every option has a score there (no NaN in its row of
 * `scores`). Only counted criteria enter the totals.
 */
export function isCounted(scores: ArrayLike<number>, optionCount: number, c: number): boolean {
  for (let o = 0; o < optionCount; o++) {
    if (Number.isNaN(scores[c * optionCount + o] ?? Number.NaN)) return false;
  }
  return true;
}

/**
 * total_o = sum over counted c of w_c * (S_c,o - 1) / 4 * 100 with w_c = W_c / sum of W over
 * the counted criteria. `importance` holds W_c per criterion; `scores` holds S_c,o at
 * [c * optionCount + o], NaN where nobody scored. A criterion with any NaN score is not
 * counted. Every total is NaN (nothing to weigh) when no criterion is counted, and 0 when the
 * counted criteria's importances sum to 0.
 */
export function weightedTotals(
  importance: ArrayLike<number>,
  scores: ArrayLike<number>,
  optionCount: number,
  out?: Float64Array,
): Float64Array {
  const totals = out ? out.fill(0) : new Float64Array(optionCount);
  let sumW = 0;
  let counted = 0;
  for (let c = 0; c < importance.length; c++) {
    if (!isCounted(scores, optionCount, c)) continue;
    counted++;
    const w = importance[c] ?? 0;
    if (w === 0) continue;
    sumW += w;
    for (let o = 0; o < optionCount; o++) {
      totals[o] = (totals[o] ?? 0) + w * scorePoints(scores[c * optionCount + o] ?? 0);
    }
  }
  if (counted === 0) return totals.fill(Number.NaN);
  if (sumW <= 0) return totals.fill(0);
  for (let o = 0; o < optionCount; o++) totals[o] = (totals[o] ?? 0) / sumW;
  return totals;
}

/** Index of the strictly best total, or -1 when the top is tied or there are no totals (NaN). */
export function winnerIndex(totals: ArrayLike<number>): number {
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  let tied = false;
  for (let o = 0; o < totals.length; o++) {
    const score = totals[o] ?? Number.NaN;
    if (Number.isNaN(score)) return -1;
    if (score > bestScore + TIE_EPSILON) {
      best = o;
      bestScore = score;
      tied = false;
    } else if (score >= bestScore - TIE_EPSILON) {
      tied = true;
      if (score > bestScore) bestScore = score;
    }
  }
  return tied ? -1 : best;
}

/** Winner minus runner-up, in points; 0 when there is no single winner. */
export function marginOf(totals: ArrayLike<number>, winner: number): number {
  if (winner < 0) return 0;
  const top = totals[winner] ?? 0;
  let second = Number.NEGATIVE_INFINITY;
  for (let o = 0; o < totals.length; o++) {
    if (o !== winner) second = Math.max(second, totals[o] ?? 0);
  }
  return top - second;
}

/** A total as callers see it: null for NaN (no criterion counted). */
export const totalOrNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Totals as returned to callers: in option order, with competition ranks (1, 1, 3). */
export function rankedTotals(
  optionKeys: readonly string[],
  totals: ArrayLike<number>,
): OptionTotal[] {
  const ranked: OptionTotal[] = new Array(optionKeys.length);
  for (let o = 0; o < optionKeys.length; o++) {
    const score = totals[o] ?? Number.NaN;
    if (Number.isNaN(score)) {
      ranked[o] = { optionKey: optionKeys[o] ?? "", score: null, rank: null };
      continue;
    }
    let better = 0;
    for (let p = 0; p < totals.length; p++) {
      if ((totals[p] ?? 0) > score + TIE_EPSILON) better++;
    }
    ranked[o] = { optionKey: optionKeys[o] ?? "", score, rank: better + 1 };
  }
  return ranked;
}
