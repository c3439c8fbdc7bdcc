import { isCounted, scorePoints } from "./totals";

/** Importances are bounded to this range, so flip points are searched within it. */
const MIN_IMPORTANCE = 0;
const MAX_IMPORTANCE = 5;

/**
 * For criterion c, the importance W_c (others fixed) nearest the current one, within 0..5,
 * at which the current winner stops winning; null when no such value exists or c is not
 * counted (an option has no score there, so its importance does not enter the totals).
 * Only counted criteria k take part in R and B below.
 *
 * With x = W_c, R = sum of the other importances, a_o = (S_c,o - 1) / 4 * 100 and
 * B_o = sum over k != c of W_k * a_k,o, option o's total is (x * a_o + B_o) / (x + R).
 * The denominator is shared and positive, so the winner w leads option p exactly when
 * x * (a_w - a_p) + (B_w - B_p) > 0: a line in x that crosses zero at one point.
 * The nearest crossing over all p is where p draws level; just past it p leads.
 */
export function flipPoint(
  importance: ArrayLike<number>,
  scores: ArrayLike<number>,
  optionCount: number,
  c: number,
  winner: number,
): number | null {
  if (winner < 0 || !isCounted(scores, optionCount, c)) return null;
  const current = importance[c] ?? 0;
  const counted: number[] = [];
  for (let k = 0; k < importance.length; k++) {
    if (k !== c && isCounted(scores, optionCount, k)) counted.push(k);
  }
  let others = 0;
  for (const k of counted) others += importance[k] ?? 0;
  // With no other weight, W_c only scales every total alike and cannot reorder them.
  if (others <= 0) return null;

  const a = (o: number) => scorePoints(scores[c * optionCount + o] ?? 0);
  const b = (o: number) => {
    let sum = 0;
    for (const k of counted) {
      sum += (importance[k] ?? 0) * scorePoints(scores[k * optionCount + o] ?? 0);
    }
    return sum;
  };

  const aWin = a(winner);
  const bWin = b(winner);
  let best: number | null = null;
  for (let p = 0; p < optionCount; p++) {
    if (p === winner) continue;
    const slope = aWin - a(p);
    if (slope === 0) continue;
    const x = -(bWin - b(p)) / slope;
    if (x < MIN_IMPORTANCE || x > MAX_IMPORTANCE) continue;
    if (best === null || Math.abs(x - current) < Math.abs(best - current)) best = x;
  }
  return best;
}
