import {
  addsUpByCriterion,
  BORDA_BREAKDOWN,
  BORDA_SENSITIVITY,
  type DecisionInput,
  flipCellText,
  type Recommendation,
  roundToTotal,
  sharePercents,
} from "@tradeoff/scoring";
import {
  confidenceLine,
  coverageText,
  decisionTitle,
  methodName,
  NOT_SCORED,
  namer,
  notScoredLines,
  participationLine,
  points,
  total,
  verdict,
} from "./labels";

type Names = ReturnType<typeof namer>;

/** The ranking, best first: rank ("-" when not ranked), option, total score. */
export function rankingRows(rec: Recommendation, name: Names): string[][] {
  return [...rec.totals]
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((t) => [t.rank === null ? "-" : String(t.rank), name.option(t.optionKey), total(t.score)]);
}

/**
 * One row per criterion: its name, its weight, the points it adds to each option (in the
 * order of `rec.totals`), how much the team disagrees ("-" with fewer than two voters), and the
 * importance that flips the winner. Shares are rounded to add up to 100%, and each option's
 * points to add up to its total as the ranking shows it. Under the Borda count, where no
 * criterion adds points of its own, a row holds the team's mean score per option instead, and
 * no weight or flip point.
 */
export function criterionRows(rec: Recommendation, name: Names): string[][] {
  const disagreement = (c: Recommendation["criteria"][number]) =>
    // Disagreement needs two voters at least; a 0.00 for one or none would be made up.
    c.voters >= 2 ? c.disagreement.toFixed(2) : "-";
  if (!addsUpByCriterion(rec.method)) {
    return rec.criteria.map((c) => [
      name.criterion(c.key),
      ...rec.totals.map((t) => {
        const score = c.scores[t.optionKey];
        return score == null ? NOT_SCORED : score.toFixed(1);
      }),
      disagreement(c),
    ]);
  }
  const shares = sharePercents(rec.criteria.map((c) => (c.counted ? c.weight : 0)));
  const pointsOf = rec.totals.map((t) =>
    roundToTotal(
      rec.criteria.map((c) => (c.counted ? (c.contributions[t.optionKey] ?? 0) : 0)),
      1,
      t.score ?? undefined,
    ),
  );
  return rec.criteria.map((c, i) => [
    name.criterion(c.key),
    c.counted ? (shares[i] ?? "") : NOT_SCORED,
    ...pointsOf.map((column) => (c.counted ? points(column[i] ?? 0) : "-")),
    disagreement(c),
    flipCellText(c),
  ]);
}

/**
 * The criteria table's header and the sentence before it, which says what its columns hold;
 * option columns are named by `optionName`, in the order of `rec.totals`.
 */
export function criterionHead(rec: Recommendation, optionName: (key: string) => string) {
  const optionColumns = rec.totals.map((t) => optionName(t.optionKey));
  if (!addsUpByCriterion(rec.method)) {
    return {
      intro: `Per criterion: the team's mean score (1-5) for each option, and how much the team disagrees (0-1; - with fewer than two voters). ${BORDA_BREAKDOWN} Flip points: ${BORDA_SENSITIVITY}`,
      head: ["Criterion", ...optionColumns, "Disagreement"],
      text: [0],
    };
  }
  return {
    intro:
      "Per criterion: its weight, the points it adds to each option, how much the team " +
      "disagrees (0-1; - with fewer than two voters), and the importance at which the " +
      "winner would change.",
    head: ["Criterion", "Weight", ...optionColumns, "Disagreement", "Flips at"],
    text: [0],
  };
}

/**
 * What every rendering of a recommendation says (the table and Markdown lay it out their own
 * way): the title, the ranking, the verdict, what the result rests on, the criteria, and the
 * criteria not counted yet. `coverage`, for a recorded decision, is the coverage it was
 * recorded with, said in place of today's.
 */
export function reportParts(rec: Recommendation, decision: DecisionInput, coverage?: string) {
  const name = namer(decision);
  return {
    name,
    title: decisionTitle(decision),
    ranking: rankingRows(rec, name),
    verdict: verdict(rec, name.option),
    /** Coverage, confidence, ballots and method, one sentence each. */
    basis: [
      coverage ?? coverageText(rec),
      confidenceLine(rec),
      participationLine(rec),
      `Method: ${methodName[rec.method]}.`,
    ],
    criteria: criterionRows(rec, name),
    notScored: notScoredLines(rec, name),
  };
}
