import {
  coverageLine,
  type DecisionInput,
  type Method,
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
export const percent = (x: number) => `${(x * 100).toFixed(0)}%`;

export function verdict(rec: Recommendation, optionName: (key: string) => string): string {
  if (rec.winner === null) {
    if (rec.coverage.counted === 0 || rec.totals.every((t) => t.score === null)) {
      return "No winner yet: no criterion has a score for every option.";
    }
    return rec.totals.every((t) => t.score === 0)
      ? "No winner: every importance is 0, there is nothing to weigh."
      : "No winner: the top options are tied.";
  }
  return `Winner: ${optionName(rec.winner)} by ${points(rec.margin)} points.`;
}

/**
 * How many members gave an importance or a score on a counted criterion: the voters the
 * confidence resamples.
 */
export function votersOnCounted(rec: Recommendation, decision: DecisionInput): number {
  const counted = new Set(rec.criteria.filter((c) => c.counted).map((c) => c.key));
  const voters = decision.votes
    .filter(
      (v) =>
        counted.has(v.criterionKey) &&
        (v.weight != null || Object.values(v.scores).some((s) => s != null)),
    )
    .map((v) => v.voterId);
  return new Set(voters).size;
}

/**
 * Confidence, always with what it rests on while the result is provisional. Resampling a single
 * voter always finds the same winner: that 100% would say nothing, so it is not shown.
 */
export function confidenceLine(rec: Recommendation, voters: number): string {
  if (rec.confidence === null) return "Confidence: n/a (nothing counted yet).";
  if (voters < 2)
    return `Confidence: n/a (the counted criteria rest on ${voters} voter; resampling needs two or more).`;
  const over =
    rec.status === "provisional"
      ? `, over the ${rec.coverage.counted} of ${rec.coverage.total} criteria counted so far`
      : "";
  return `Confidence: ${percent(rec.confidence)} (share of voter resamples with the same winner${over}).`;
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
        `${name.criterion(c.key)}: ${NOT_SCORED} yet (no score for ${c.missingOptions.map(name.option).join(", ")})`,
    );
}

export function flipText(flipAt: number | null, importance: number): string {
  return flipAt === null ? "-" : `${flipAt.toFixed(2)} (now ${importance.toFixed(2)})`;
}

export function decisionTitle(decision: DecisionInput): string | null {
  const title = (decision as { title?: unknown }).title;
  return typeof title === "string" && title.trim() !== "" ? title : null;
}
