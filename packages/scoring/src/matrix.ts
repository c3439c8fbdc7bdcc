import type { DecisionInput } from "./types";

/**
 * The votes laid out as one row of numbers per voter, so that sums over any (re)sample of
 * voters are plain vector additions.
 *
 * Columns, per criterion c: its importance, then one score per option
 * (`weightColumn(c)`, `scoreColumn(c, o)`). `values` holds what was given (0 when nothing was),
 * `given` holds 1 where something was given. A voter who gave everything is `complete`:
 * sums skip their `given` row, which is all ones.
 *
 * Rows are in order of first appearance. Voters who expressed something are listed in
 * `voterIds`, sorted by id, so results never depend on the order of the votes.
 */
export type VoteMatrix = {
  optionKeys: string[];
  criterionKeys: string[];
  defaultWeights: Float64Array;
  optionCount: number;
  criterionCount: number;
  width: number;
  rowCount: number;
  values: Float64Array;
  given: Uint8Array;
  complete: Uint8Array;
  /** Voters who expressed something (an importance or a score), sorted by id. */
  voterIds: string[];
  /** The row of each of `voterIds`. */
  rowOf: Int32Array;
  /** 1 for the rows of `voterIds`, 0 for voters who expressed nothing: everyone counted once. */
  baseCounts: Int32Array;
  /** Every voter id seen in the votes (expressing something or not), in row order. */
  rowVoterIds: string[];
  /** 1 at [r * criterionCount + c] where the voter of row r marked criterion c "no opinion". */
  abstained: Uint8Array;
};

export const weightColumn = (m: { optionCount: number }, c: number) => c * (m.optionCount + 1);
export const scoreColumn = (m: { optionCount: number }, c: number, o: number) =>
  c * (m.optionCount + 1) + 1 + o;

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Fills a vote matrix while the votes are being validated, in a single pass over them. */
export class MatrixBuilder {
  readonly width: number;
  readonly voterIds: string[] = [];
  private readonly rowIndex = new Map<string, number>();
  private capacity: number;
  private lastVoterId = "";
  private lastRow = -1;
  private values: Float64Array;
  private given: Uint8Array;
  private voted: Uint8Array;
  private abstained: Uint8Array;

  /** `expectedVoters` sizes the first allocation; the matrix grows past it as needed. */
  constructor(
    readonly optionCount: number,
    readonly criterionCount: number,
    expectedVoters = 16,
  ) {
    this.capacity = Math.max(16, expectedVoters);
    this.width = criterionCount * (optionCount + 1);
    this.values = new Float64Array(this.capacity * this.width);
    this.given = new Uint8Array(this.capacity * this.width);
    this.voted = new Uint8Array(this.capacity * criterionCount);
    this.abstained = new Uint8Array(this.capacity * criterionCount);
  }

  /** The row of a voter, added on first sight. */
  row(voterId: string): number {
    // Votes usually come grouped by voter: skip the lookup for a run of the same voter.
    if (voterId === this.lastVoterId) return this.lastRow;
    let row = this.rowIndex.get(voterId);
    if (row === undefined) {
      row = this.voterIds.length;
      if (row === this.capacity) this.grow();
      this.rowIndex.set(voterId, row);
      this.voterIds.push(voterId);
    }
    this.lastVoterId = voterId;
    this.lastRow = row;
    return row;
  }

  /** Records that the voter voted on criterion c; false if they already had. */
  markVoted(row: number, c: number): boolean {
    const at = row * this.criterionCount + c;
    if (this.voted[at] === 1) return false;
    this.voted[at] = 1;
    return true;
  }

  /** Records the voter's "no opinion" mark on criterion c. */
  setAbstained(row: number, c: number): void {
    this.abstained[row * this.criterionCount + c] = 1;
  }

  setWeight(row: number, c: number, weight: number): void {
    const at = row * this.width + c * (this.optionCount + 1);
    this.values[at] = weight;
    this.given[at] = 1;
  }

  setScore(row: number, c: number, o: number, score: number): void {
    const at = row * this.width + c * (this.optionCount + 1) + 1 + o;
    this.values[at] = score;
    this.given[at] = 1;
  }

  private grow(): void {
    this.capacity *= 2;
    const values = new Float64Array(this.capacity * this.width);
    values.set(this.values);
    const given = new Uint8Array(this.capacity * this.width);
    given.set(this.given);
    const voted = new Uint8Array(this.capacity * this.criterionCount);
    voted.set(this.voted);
    const abstained = new Uint8Array(this.capacity * this.criterionCount);
    abstained.set(this.abstained);
    this.values = values;
    this.given = given;
    this.voted = voted;
    this.abstained = abstained;
  }

  build(input: DecisionInput): VoteMatrix {
    const { width, given } = this;
    const rowCount = this.voterIds.length;
    const complete = new Uint8Array(rowCount);
    const expressed: number[] = [];
    for (let r = 0; r < rowCount; r++) {
      let n = 0;
      for (let j = r * width; j < (r + 1) * width; j++) n += given[j] ?? 0;
      complete[r] = n === width ? 1 : 0;
      if (n > 0) expressed.push(r);
    }
    const ids = this.voterIds;
    expressed.sort((a, b) => compareIds(ids[a] ?? "", ids[b] ?? ""));
    const baseCounts = new Int32Array(rowCount);
    for (const r of expressed) baseCounts[r] = 1;

    return {
      optionKeys: input.options.map((o) => o.key),
      criterionKeys: input.criteria.map((c) => c.key),
      defaultWeights: Float64Array.from(input.criteria, (c) => c.defaultWeight),
      optionCount: this.optionCount,
      criterionCount: this.criterionCount,
      width,
      rowCount,
      values: this.values.subarray(0, rowCount * width),
      given: given.subarray(0, rowCount * width),
      complete,
      voterIds: expressed.map((r) => ids[r] ?? ""),
      rowOf: Int32Array.from(expressed),
      baseCounts,
      rowVoterIds: ids.slice(0, rowCount),
      abstained: this.abstained.subarray(0, rowCount * this.criterionCount),
    };
  }
}

export type ColumnSums = { values: Float64Array; given: Float64Array };

/** Column sums over the rows, row r counted `counts[r]` times. */
export function sumColumns(m: VoteMatrix, counts: ArrayLike<number>): ColumnSums {
  const { width, values, given, complete } = m;
  const valueSums = new Float64Array(width);
  const givenSums = new Float64Array(width);
  let completeCount = 0;
  for (let r = 0; r < m.rowCount; r++) {
    const k = counts[r] ?? 0;
    if (k === 0) continue;
    const base = r * width;
    for (let j = 0; j < width; j++)
      valueSums[j] = (valueSums[j] ?? 0) + k * (values[base + j] ?? 0);
    if (complete[r] === 1) completeCount += k;
    else
      for (let j = 0; j < width; j++)
        givenSums[j] = (givenSums[j] ?? 0) + k * (given[base + j] ?? 0);
  }
  for (let j = 0; j < width; j++) givenSums[j] = (givenSums[j] ?? 0) + completeCount;
  return { values: valueSums, given: givenSums };
}

/**
 * Team importances and scores (means): the default weight where nobody gave an importance,
 * NaN where nobody scored an option (the criterion is then not counted).
 */
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
      scores[c * O + o] = sCount > 0 ? (sums.values[s] ?? 0) / sCount : Number.NaN;
    }
  }
  return { importance, scores };
}
