import type { DecisionInput, Method, Recommendation } from "@tradeoff/scoring";

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
export const percent = (x: number) => `${(x * 100).toFixed(0)}%`;

export function verdict(rec: Recommendation, optionName: (key: string) => string): string {
  if (rec.winner === null) {
    if (rec.participation.voted === 0) return "No winner yet: nobody has voted.";
    return rec.totals.every((t) => t.score === 0)
      ? "No winner: every importance is 0, there is nothing to weigh."
      : "No winner: the top options are tied.";
  }
  return `Winner: ${optionName(rec.winner)} by ${points(rec.margin)} points.`;
}

export function confidenceLine(rec: Recommendation): string {
  if (rec.confidence === null) return "Confidence: n/a (nobody has voted yet).";
  return `Confidence: ${percent(rec.confidence)} (share of voter resamples with the same winner).`;
}

export function participationLine(rec: Recommendation): string {
  const { voted, eligible, quorum, quorumMet } = rec.participation;
  const quorumText = quorum === null ? "" : `, quorum ${quorum} ${quorumMet ? "met" : "NOT met"}`;
  return `Participation: ${voted} of ${eligible} voted${quorumText}.`;
}

export function flipText(flipAt: number | null, importance: number): string {
  return flipAt === null ? "-" : `${flipAt.toFixed(2)} (now ${importance.toFixed(2)})`;
}

export function decisionTitle(decision: DecisionInput): string | null {
  const title = (decision as { title?: unknown }).title;
  return typeof title === "string" && title.trim() !== "" ? title : null;
}
