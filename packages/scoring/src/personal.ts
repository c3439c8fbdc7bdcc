import { scoreColumn, type VoteMatrix, weightColumn } from "./matrix";
import { NEUTRAL_SCORE, scorePoints, TIE_EPSILON } from "./totals";

/**
 * Each row's voter's own totals (at [r * optionCount + o]): the weighted-mean formula on their votes
 * alone, with the criterion's default weight where they gave no importance and 3 where they
 * gave no score.
 */
export function personalTotals(m: VoteMatrix): Float64Array {
  const { criterionCount: C, optionCount: O, values, given } = m;
  const totals = new Float64Array(m.rowCount * O);
  const points = new Float64Array(O);
  for (let v = 0; v < m.rowCount; v++) {
    let sumW = 0;
    points.fill(0);
    for (let c = 0; c < C; c++) {
      const w = v * m.width + weightColumn(m, c);
      const weight = given[w] === 1 ? (values[w] ?? 0) : (m.defaultWeights[c] ?? 0);
      sumW += weight;
      for (let o = 0; o < O; o++) {
        const s = v * m.width + scoreColumn(m, c, o);
        const score = given[s] === 1 ? (values[s] ?? 0) : NEUTRAL_SCORE;
        points[o] = (points[o] ?? 0) + weight * scorePoints(score);
      }
    }
    if (sumW > 0) for (let o = 0; o < O; o++) totals[v * O + o] = (points[o] ?? 0) / sumW;
  }
  return totals;
}

/**
 * Borda points of one personal ranking: an option gets one point per option ranked below it
 * and half a point per option tied with it, so n options share n(n-1)/2 points in every case.
 */
export function bordaPoints(totals: ArrayLike<number>): Float64Array {
  const n = totals.length;
  const points = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    const score = totals[o] ?? 0;
    let p = 0;
    for (let q = 0; q < n; q++) {
      if (q === o) continue;
      const other = totals[q] ?? 0;
      if (score > other + TIE_EPSILON) p += 1;
      else if (score >= other - TIE_EPSILON) p += 0.5;
    }
    points[o] = p;
  }
  return points;
}

/**
 * Team Borda score per option, 0..100: its points over the most it could get (every voter
 * ranking it first). With no voters every option gets 50, a tie.
 */
export function bordaScores(pointSums: ArrayLike<number>, voters: number): Float64Array {
  const n = pointSums.length;
  const scores = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    scores[o] = voters === 0 ? 50 : ((pointSums[o] ?? 0) / (voters * (n - 1))) * 100;
  }
  return scores;
}
