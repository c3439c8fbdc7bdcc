import type { DecisionInput, Recommendation } from "@tradeoff/scoring";
import { reportParts } from "./report-rows";

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
const row = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;

export function markdownReport(rec: Recommendation, decision: DecisionInput): string {
  const report = reportParts(rec, decision);
  const lines = [
    `## Recommendation${report.title ? `: ${cell(report.title)}` : ""}`,
    "",
    row(["Rank", "Option", "Score"]),
    "| ---: | --- | ---: |",
    ...report.ranking.map(row),
    "",
    `**${report.verdict}** ${report.basis.join(" ")}`,
    "",
    "### Criteria",
    "",
    row([
      "Criterion",
      "Weight",
      ...rec.totals.map((t) => report.name.option(t.optionKey)),
      "Disagreement",
      "Flips at",
    ]),
    `| --- | ---: | ${rec.totals.map(() => "---: | ").join("")}---: | ---: |`,
    ...report.criteria.map(row),
    "",
    ...report.notScored.map((m) => `* ${cell(m)}`),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
