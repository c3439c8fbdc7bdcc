import type { DecisionInput, Vote } from "./types";
import type { VoteIndex } from "./validate";

/**
 * The votes laid out as one row of numbers per voter, so that sums over any (re)sample of
 * voters are plain vector additions.
 *
 * Columns, per criterion c: its importance, then one score per option
 * (`weightColumn(c)`, `scoreColumn(c, o)`). `values` holds what was given (0 when nothing was),
 * `given` holds 1 where something was given. A voter who gave everything is `complete`:
 * their `given` row is all ones and sums skip it.
 */
export type VoteMatrix = {
  optionKeys: string[];
  criterionKeys: string[];
  defaultWeights: Float64Array;
  /** Voters who expressed something (an importance or a score), sorted by id. */
  voterIds: string[];
  optionCount: number;
  criterionCount: number;
  width: number;
  values: Float64Array;
  given: Uint8Array;
  complete: Uint8Array;
};

export const weightColumn = (m: VoteMatrix, c: number) => c * (m.optionCount + 1);
export const scoreColumn = (m: VoteMatrix, c: number, o: number) => c * (m.optionCount + 1) + 1 + o;

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lays out validated votes. Voters who expressed nothing at all are left out. */
export function buildMatrix(input: DecisionInput, index: VoteIndex): VoteMatrix {
  const optionKeys = input.options.map((o) => o.key);
  const criterionKeys = input.criteria.map((c) => c.key);
  const O = optionKeys.length;
  const width = criterionKeys.length * (O + 1);
  const { votes } = input;
  const seenIds = index.voterIds;

  // Rows in order of first appearance; kept and sorted by voter id below.
  const seenValues = new Float64Array(seenIds.length * width);
  const seenGiven = new Uint8Array(seenIds.length * width);
  for (let i = 0; i < votes.length; i++) {
    const vote = votes[i] as Vote;
    const base = (index.voterOf[i] ?? 0) * width + (index.criterionOf[i] ?? 0) * (O + 1);
    if (vote.weight !== null) {
      seenValues[base] = vote.weight;
      seenGiven[base] = 1;
    }
    for (let o = 0; o < O; o++) {
      const score = vote.scores[optionKeys[o] as string];
      if (score == null) continue;
      seenValues[base + 1 + o] = score;
      seenGiven[base + 1 + o] = 1;
    }
  }

  const givenCount = (v: number) => {
    let n = 0;
    for (let j = v * width; j < (v + 1) * width; j++) n += seenGiven[j] ?? 0;
    return n;
  };
  const kept = seenIds
    .map((id, v) => ({ id, v, given: givenCount(v) }))
    .filter((voter) => voter.given > 0)
    .sort((a, b) => compareIds(a.id, b.id));

  const values = new Float64Array(kept.length * width);
  const given = new Uint8Array(kept.length * width);
  const complete = new Uint8Array(kept.length);
  kept.forEach((voter, v) => {
    values.set(seenValues.subarray(voter.v * width, (voter.v + 1) * width), v * width);
    given.set(seenGiven.subarray(voter.v * width, (voter.v + 1) * width), v * width);
    complete[v] = voter.given === width ? 1 : 0;
  });

  return {
    optionKeys,
    criterionKeys,
    defaultWeights: Float64Array.from(input.criteria, (c) => c.defaultWeight),
    voterIds: kept.map((voter) => voter.id),
    optionCount: O,
    criterionCount: criterionKeys.length,
    width,
    values,
    given,
    complete,
  };
}

export type ColumnSums = { values: Float64Array; given: Float64Array };

/** Column sums over the voters, voter v counted `counts[v]` times (once each when omitted). */
export function sumColumns(m: VoteMatrix, counts?: ArrayLike<number>): ColumnSums {
  const { width, values, given, complete } = m;
  const valueSums = new Float64Array(width);
  const givenSums = new Float64Array(width);
  let completeCount = 0;
  for (let v = 0; v < m.voterIds.length; v++) {
    const k = counts ? (counts[v] ?? 0) : 1;
    if (k === 0) continue;
    const base = v * width;
    for (let j = 0; j < width; j++)
      valueSums[j] = (valueSums[j] ?? 0) + k * (values[base + j] ?? 0);
    if (complete[v] === 1) completeCount += k;
    else
      for (let j = 0; j < width; j++)
        givenSums[j] = (givenSums[j] ?? 0) + k * (given[base + j] ?? 0);
  }
  for (let j = 0; j < width; j++) givenSums[j] = (givenSums[j] ?? 0) + completeCount;
  return { values: valueSums, given: givenSums };
}

/** Team importances and scores (means): the default weight, or 3, where nobody gave one. */
export function teamMeans(m: VoteMatrix, sums: ColumnSums) {
  const { criterionCount: C, optionCount: O } = m;
  const importance = new Float64Array(C);
  const scores = new Float64Array(C * O);
  for (let c = 0; c < C; c++) {
    const w = weightColumn(m, c);
    const wCount = sums.given[w] ?? 0;
    importance[c] = wCount > 0 ? (sums.values[w] ?? 0) / wCount : (m.defaultWeights[c] ?? 0);
    for (let o = 0; o < O; o++) {
      const s = scoreColumn(m, c, o);
      const sCount = sums.given[s] ?? 0;
      scores[c * O + o] = sCount > 0 ? (sums.values[s] ?? 0) / sCount : 3;
    }
  }
  return { importance, scores };
}
