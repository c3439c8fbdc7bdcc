import { scoreColumn, type VoteMatrix, weightColumn } from "./matrix";

/** The values given in one column (a criterion's importances, or its scores for one option), sorted. */
type SortedColumn = { values: Float64Array; voters: Int32Array };

export type MedianColumns = SortedColumn[];

const column = (m: VoteMatrix, j: number): SortedColumn => {
  const given: { value: number; voter: number }[] = [];
  for (let r = 0; r < m.rowCount; r++) {
    if (m.given[r * m.width + j] === 1)
      given.push({ value: m.values[r * m.width + j] ?? 0, voter: r });
  }
  given.sort((a, b) => a.value - b.value || a.voter - b.voter);
  return {
    values: Float64Array.from(given, (g) => g.value),
    voters: Int32Array.from(given, (g) => g.voter),
  };
};

/** Sorted columns, importance first then one per option, for every criterion. */
export function medianColumns(m: VoteMatrix): MedianColumns {
  const columns: SortedColumn[] = [];
  for (let c = 0; c < m.criterionCount; c++) {
    columns.push(column(m, weightColumn(m, c)));
    for (let o = 0; o < m.optionCount; o++) {
      columns.push(column(m, scoreColumn(m, c, o)));
    }
  }
  return columns;
}

/**
 * Median of a column where the voter of row r counts `counts[r]` times; the mean of the two
 * middle values for an even count; NaN when the column is empty.
 */
function median(col: SortedColumn, counts: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < col.voters.length; i++) total += counts[col.voters[i] ?? 0] ?? 0;
  if (total === 0) return Number.NaN;
  const lowPos = Math.floor((total - 1) / 2);
  const highPos = Math.floor(total / 2);
  let seen = 0;
  let low = Number.NaN;
  for (let i = 0; i < col.values.length; i++) {
    seen += counts[col.voters[i] ?? 0] ?? 0;
    const value = col.values[i] ?? 0;
    if (Number.isNaN(low) && seen > lowPos) low = value;
    if (seen > highPos) return (low + value) / 2;
  }
  return low;
}

/**
 * Team importances and scores as medians: the default weight where nobody gave an importance,
 * NaN where nobody scored an option.
 */
export function teamMedians(m: VoteMatrix, columns: MedianColumns, counts: ArrayLike<number>) {
  const { criterionCount: C, optionCount: O } = m;
  const importance = new Float64Array(C);
  const scores = new Float64Array(C * O);
  for (let c = 0; c < C; c++) {
    const w = median(columns[c * (O + 1)] as SortedColumn, counts);
    importance[c] = Number.isNaN(w) ? (m.defaultWeights[c] ?? 0) : w;
    for (let o = 0; o < O; o++) {
      const s = median(columns[c * (O + 1) + 1 + o] as SortedColumn, counts);
      scores[c * O + o] = s;
    }
  }
  return { importance, scores };
}
