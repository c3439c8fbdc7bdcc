import {
  addsUpByCriterion,
  BORDA_SENSITIVITY,
  type Method,
  roundToTotal,
  sharePercents,
} from "@tradeoff/scoring";

/**
 * The figures of the project page's "What each criterion adds", as shown: each counted
 * criterion's share of the weight, rounded so the shares add up to 100%, and the points it adds
 * to each option, rounded so that each option's points add up to its total as shown. Null
 * under the Borda count, where no criterion adds points of its own.
 */
export function criterionFigures(result: {
  method: Method;
  totals: readonly { optionKey: string; score: number | null }[];
  criteria: readonly {
    key: string;
    counted: boolean;
    weight: number;
    contributions: Record<string, number>;
  }[];
}): Map<string, { share: string; points: Record<string, string> }> | null {
  if (!addsUpByCriterion(result.method)) return null;
  const { criteria } = result;
  const shares = sharePercents(criteria.map((c) => (c.counted ? c.weight : 0)));
  const columns = result.totals.map((t) => ({
    key: t.optionKey,
    points: roundToTotal(
      criteria.map((c) => (c.counted ? (c.contributions[t.optionKey] ?? 0) : 0)),
      1,
      t.score ?? undefined,
    ),
  }));
  return new Map(
    criteria.map((c, i) => [
      c.key,
      {
        share: shares[i] ?? "",
        points: Object.fromEntries(columns.map((o) => [o.key, (o.points[i] ?? 0).toFixed(1)])),
      },
    ]),
  );
}

/** What "How solid is the lead?" says under the Borda count: its flip points are not computed. */
export const BORDA_LEAD = `Flip points are ${BORDA_SENSITIVITY}`;
