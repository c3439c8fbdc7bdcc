import { isCounted, scorePoints } from "./totals";

/** Importances are bounded to this range, so flip points are searched within it. */
const MIN_IMPORTANCE = 0;
const MAX_IMPORTANCE = 5;

/**
 * A crossing this close to an end of the range is at that end: float rounding of sums of
 * importances times points must not turn a tie at 0 into a flip at 0.000000000001.
 */
const AT_END = 1e-9;

/**
 * Where moving criterion c's importance (others fixed) would change the current winner, within
 * 0..5, read off the lines below:
 * - `flipAt`: the importance nearest the current one, strictly inside 0..5, past which another
 *   option leads; null when there is none.
 * - `tiesAt`: an end of the range (0 or 5) at which another option only draws level with the
 *   winner, with no flip between today's importance and it: the winner never falls behind
 *   there, it ties at that end. Nothing lies beyond 0 or 5 to flip to. Null when there is none.
 * Both null when c is not counted (an option has no score there, so its importance does not
 * enter the totals) or there is no winner. Only counted criteria k take part in R and B below.
 *
 * With x = W_c, R = sum of the other importances, a_o = (S_c,o - 1) / 4 * 100 and
 * B_o = sum over k != c of W_k * a_k,o, option o's total is (x * a_o + B_o) / (x + R).
 * The denominator is shared and positive, so the winner w leads option p exactly when
 * x * (a_w - a_p) + (B_w - B_p) > 0: a line in x that crosses zero at one point.
 * The nearest crossing over all p is where p draws level; just past it p leads.
 */
export function flipReading(
  importance: ArrayLike<number>,
  scores: ArrayLike<number>,
  optionCount: number,
  c: number,
  winner: number,
): { flipAt: number | null; tiesAt: number | null } {
  const none = { flipAt: null, tiesAt: null };
  if (winner < 0 || !isCounted(scores, optionCount, c)) return none;
  const current = importance[c] ?? 0;
  const counted: number[] = [];
  for (let k = 0; k < importance.length; k++) {
    if (k !== c && isCounted(scores, optionCount, k)) counted.push(k);
  }
  let others = 0;
  for (const k of counted) others += importance[k] ?? 0;
  // With no other weight, W_c only scales every total alike and cannot reorder them.
  if (others <= 0) return none;

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
  let flipAt: number | null = null;
  const endTies = new Set<number>();
  for (let p = 0; p < optionCount; p++) {
    if (p === winner) continue;
    const slope = aWin - a(p);
    if (slope === 0) continue;
    const x = -(bWin - b(p)) / slope;
    const end =
      Math.abs(x - MIN_IMPORTANCE) <= AT_END
        ? MIN_IMPORTANCE
        : Math.abs(x - MAX_IMPORTANCE) <= AT_END
          ? MAX_IMPORTANCE
          : null;
    if (end !== null) {
      endTies.add(end);
      continue;
    }
    if (x < MIN_IMPORTANCE || x > MAX_IMPORTANCE) continue;
    if (flipAt === null || Math.abs(x - current) < Math.abs(flipAt - current)) flipAt = x;
  }
  // A flip between today's importance and an end comes first: past it the winner is behind,
  // so it no longer ties at that end. Of the two ends, the nearer.
  let tiesAt: number | null = null;
  for (const end of endTies) {
    const side = Math.sign(end - current);
    if (flipAt !== null && Math.sign(flipAt - current) === side) continue;
    if (tiesAt === null || Math.abs(end - current) < Math.abs(tiesAt - current)) tiesAt = end;
  }
  return { flipAt, tiesAt };
}
