import { sumColumns, teamMeans, type VoteMatrix } from "./matrix";
import { medianColumns, teamMedians } from "./median";
import { bordaPoints, bordaScores, personalTotals } from "./personal";
import { weightedTotals } from "./totals";
import type { Method } from "./types";

/** Team importances W_c and scores S_c,o (at [c * optionCount + o]). */
export type Team = { importance: Float64Array; scores: Float64Array };

/**
 * One scoring method over a vote matrix. `counts[r]` says how many times the voter of row r
 * is counted: `m.baseCounts` for the team as it is, other counts for resamples.
 */
export type Engine = {
  team: (counts: ArrayLike<number>) => Team;
  /** Totals given the team already computed for the same counts (saves summing twice). */
  totalsOf: (team: Team, counts: ArrayLike<number>) => Float64Array;
  totals: (counts: ArrayLike<number>) => Float64Array;
  /** Each row's personal totals, at [r * optionCount + o]. */
  personal: Float64Array;
};

export function makeEngine(m: VoteMatrix, method: Method): Engine {
  const personal = personalTotals(m);
  const meansTeam = (counts: ArrayLike<number>) => teamMeans(m, sumColumns(m, counts));
  const weighted = ({ importance, scores }: Team) =>
    weightedTotals(importance, scores, m.optionCount);

  if (method === "weighted-mean") {
    return {
      personal,
      team: meansTeam,
      totalsOf: weighted,
      totals: (counts) => weighted(meansTeam(counts)),
    };
  }

  if (method === "median") {
    const columns = medianColumns(m);
    const team = (counts: ArrayLike<number>) => teamMedians(m, columns, counts);
    return {
      personal,
      team,
      totalsOf: weighted,
      totals: (counts) => weighted(team(counts)),
    };
  }

  const O = m.optionCount;
  const points = new Float64Array(m.rowCount * O);
  // Only members with a ranking (a criterion they scored fully) hand out Borda points.
  const ranks = new Uint8Array(m.rowCount);
  for (let v = 0; v < m.rowCount; v++) {
    if (Number.isNaN(personal[v * O] ?? Number.NaN)) continue;
    ranks[v] = 1;
    points.set(bordaPoints(personal.subarray(v * O, (v + 1) * O)), v * O);
  }
  const bordaTotals = (counts: ArrayLike<number>) => {
    const sums = new Float64Array(O);
    let voters = 0;
    for (let v = 0; v < m.rowCount; v++) {
      const k = counts[v] ?? 0;
      if (k === 0 || ranks[v] === 0) continue;
      voters += k;
      for (let o = 0; o < O; o++) sums[o] = (sums[o] ?? 0) + k * (points[v * O + o] ?? 0);
    }
    return bordaScores(sums, voters);
  };
  return {
    personal,
    // Borda has no team weights; the per-criterion breakdown shows the team means.
    team: meansTeam,
    totalsOf: (_team, counts) => bordaTotals(counts),
    totals: bordaTotals,
  };
}
