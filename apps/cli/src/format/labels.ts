import {
  coverageLine,
  type DecisionInput,
  type Method,
  marginWords,
  noConfidenceReason,
  notCountedReason,
  type Recommendation,
} from "@tradeoff/scoring";

export const methodName: Record<Method, string> = {
  "weighted-mean": "weighted mean",
  median: "median",
  borda: "Borda count",
};

/** Names for keys, falling back to the key itself. */
export function namer(decision: DecisionInput) {
  const options = new Map(decision.options.map((o) => [o.key, o.name ?? o.key]));
  const criteria = new Map(decision.criteria.map((c) => [c.key, c.name ?? c.key]));
  return {
    option: (key: string) => options.get(key) ?? key,
    criterion: (key: string) => criteria.get(key) ?? key,
  };
}

export const points = (x: number) => x.toFixed(1);
/** A total, or "not scored" while no criterion is counted. */
export const total = (x: number | null) => (x === null ? NOT_SCORED : points(x));
export const NOT_SCORED = "not scored";
/** One figure as a whole percentage (a confidence); shares of a whole read `sharePercents`. */
export const percent = (x: number) => `${(x * 100).toFixed(0)}%`;

export function verdict(rec: Recommendation, optionName: (key: string) => string): string {
  if (rec.winner === null) {
    if (rec.coverage.counted === 0 || rec.totals.every((t) => t.score === null)) {
      return "No winner yet: no criterion has a score for every option.";
    }
    // Totals of 0 alone do not mean the importances are 0: every option may score 1 everywhere.
    const counted = rec.criteria.filter((c) => c.counted);
    return counted.length > 0 && counted.every((c) => c.importance === 0)
      ? "No winner: every importance is 0, there is nothing to weigh."
      : "No winner: the top options are tied.";
  }
  return `Winner: ${optionName(rec.winner)} ${marginWords(rec.margin)}.`;
}

/**
 * Confidence, always with how many voters it resamples and, while the result is provisional,
 * the criteria it covers; or, as the scoring package words it, why there is none (nothing
 * counted, or one voter: resampling one voter always finds the same winner).
 */
export function confidenceLine(rec: Recommendation): string {
  const none = noConfidenceReason(rec);
  if (none !== null || rec.confidence === null) return `Confidence: ${none ?? "none"}.`;
  const over =
    rec.status === "provisional"
      ? `, over the ${rec.coverage.counted} of ${rec.coverage.total} criteria counted so far`
      : "";
  return `Confidence: ${percent(rec.confidence)} (share of resamples of the ${rec.confidenceVoters} voters with the same winner${over}).`;
}

/** "Provisional: based on 3 of 13 criteria (41% of the weight) and 0 of 2 complete ballots." */
export const coverageText = (rec: Recommendation) => coverageLine(rec);

/** The ballots against the members, as the project page counts them. */
export function ballotsLine(p: {
  complete: number;
  partial: number;
  none: number;
  eligible: number;
}): string {
  return `Ballots: ${p.complete} complete, ${p.partial} partial, ${p.none} not started, of ${p.eligible} member${p.eligible === 1 ? "" : "s"}.`;
}

export const participationLine = (rec: Recommendation) => ballotsLine(rec.participation);

/** Criteria not counted yet, naming the options nobody scored there. */
export function notScoredLines(rec: Recommendation, name: ReturnType<typeof namer>): string[] {
  return rec.criteria
    .filter((c) => !c.counted)
    .map(
      (c) =>
        `${name.criterion(c.key)}: ${notCountedReason(c.missingOptions.map(name.option), rec.totals.length)}`,
    );
}

export function decisionTitle(decision: DecisionInput): string | null {
  const title = (decision as { title?: unknown }).title;
  return typeof title === "string" && title.trim() !== "" ? title : null;
}
