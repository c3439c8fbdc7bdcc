import type { DecisionInput, Recommendation } from "@tradeoff/scoring";
import { markdownReport } from "./markdown";
import { tableReport } from "./table";
import { terminalText } from "./terminal";

export const FORMATS = ["table", "json", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

export function formatRecommendation(
  rec: Recommendation,
  decision: DecisionInput,
  format: Format,
  width: number | undefined,
): string {
  if (format === "json") return `${JSON.stringify(rec, null, 2)}\n`;
  // A decision file may come from anyone: its names are shown, never obeyed by the terminal.
  if (format === "markdown") return terminalText(markdownReport(rec, decision));
  return terminalText(tableReport(rec, decision, width));
}
