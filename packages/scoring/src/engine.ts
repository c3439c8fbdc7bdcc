import { sumColumns, teamMeans, type VoteMatrix } from "./matrix";
import { medianColumns, teamMedians } from "./median";
import { bordaPoints, bordaScores, personalTotals } from "./personal";
import { weightedTotals } from "./totals";
import type { Method } from "./types";

/** Team importances W_c and scores S_c,o (at [c * optionCount + o]). */
export type Team = { importance: Float64Array; scores: Float64Array };

/**
 * One scoring method over a vote matrix. `counts[v]` says how many times voter v is counted
 * (resampling); omitted, everyone counts once.
 */
export type Engine = {
  team: (counts?: ArrayLike<number>) => Team;
  totals: (counts?: ArrayLike<number>) => Float64Array;
  /** Each voter's personal totals, at [v * optionCount + o] in matrix voter order. */
  personal: Float64Array;
};

export function makeEngine(m: VoteMatrix, method: Method): Engine {
  const personal = personalTotals(m);
  const meansTeam = (counts?: ArrayLike<number>) => teamMeans(m, sumColumns(m, counts));

  if (method === "weighted-mean") {
    return {
      personal,
      team: meansTeam,
      totals: (counts) => {
        const { importance, scores } = meansTeam(counts);
        return weightedTotals(importance, scores, m.optionCount);
      },
    };
  }

  if (method === "median") {
    const columns = medianColumns(m);
    const team = (counts?: ArrayLike<number>) => teamMedians(m, columns, counts);
    return {
      personal,
      team,
      totals: (counts) => {
        const { importance, scores } = team(counts);
        return weightedTotals(importance, scores, m.optionCount);
      },
    };
  }

  const O = m.optionCount;
  const points = new Float64Array(m.voterIds.length * O);
  for (let v = 0; v < m.voterIds.length; v++) {
    points.set(bordaPoints(personal.subarray(v * O, (v + 1) * O)), v * O);
  }
  return {
    personal,
    // Borda has no team weights; the per-criterion breakdown shows the team means.
    team: meansTeam,
    totals: (counts) => {
      const sums = new Float64Array(O);
      let voters = 0;
      for (let v = 0; v < m.voterIds.length; v++) {
        const k = counts ? (counts[v] ?? 0) : 1;
        if (k === 0) continue;
        voters += k;
        for (let o = 0; o < O; o++) sums[o] = (sums[o] ?? 0) + k * (points[v * O + o] ?? 0);
      }
      return bordaScores(sums, voters);
    },
  };
}
