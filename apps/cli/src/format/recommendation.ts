import type { DecisionInput, Recommendation } from "@tradeoff/scoring";
import { markdownReport } from "./markdown";
import { tableReport } from "./table";

export const FORMATS = ["table", "json", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

export function formatRecommendation(
  rec: Recommendation,
  decision: DecisionInput,
  format: Format,
): string {
  if (format === "json") return `${JSON.stringify(rec, null, 2)}\n`;
  if (format === "markdown") return markdownReport(rec, decision);
  return tableReport(rec, decision);
}
