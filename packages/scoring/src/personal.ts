import { scoreColumn, type VoteMatrix, weightColumn } from "./matrix";
import { TIE_EPSILON, weightedTotals } from "./totals";

/**
 * Each row's voter's own totals (at [r * optionCount + o]): the weighted-mean formula on their
 * votes alone, counting only the criteria where they scored every option, with the criterion's
 * default weight where they gave no importance. NaN when they scored no criterion fully.
 */
export function personalTotals(m: VoteMatrix): Float64Array {
  const { criterionCount: C, optionCount: O, values, given } = m;
  const totals = new Float64Array(m.rowCount * O);
  const importance = new Float64Array(C);
  const scores = new Float64Array(C * O);
  const out = new Float64Array(O);
  for (let v = 0; v < m.rowCount; v++) {
    for (let c = 0; c < C; c++) {
      const w = v * m.width + weightColumn(m, c);
      importance[c] = given[w] === 1 ? (values[w] ?? 0) : (m.defaultWeights[c] ?? 0);
      for (let o = 0; o < O; o++) {
        const s = v * m.width + scoreColumn(m, c, o);
        scores[c * O + o] = given[s] === 1 ? (values[s] ?? 0) : Number.NaN;
      }
    }
    totals.set(weightedTotals(importance, scores, O, out), v * O);
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
 * Team Borda score per option, 0..100: its points over the most it could get (every ranking
 * voter ranking it first). `voters` counts the members who have a ranking (a fully scored
 * criterion); with none, every score is NaN: there is nothing to rank.
 */
export function bordaScores(pointSums: ArrayLike<number>, voters: number): Float64Array {
  const n = pointSums.length;
  const scores = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    scores[o] = voters === 0 ? Number.NaN : ((pointSums[o] ?? 0) / (voters * (n - 1))) * 100;
  }
  return scores;
}
