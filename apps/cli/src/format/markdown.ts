import type { DecisionInput, Recommendation } from "@tradeoff/scoring";
import { criterionHead, reportParts } from "./report-rows";

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
const row = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;

export function markdownReport(rec: Recommendation, decision: DecisionInput): string {
  const report = reportParts(rec, decision);
  const criteria = criterionHead(rec, report.name.option);
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
    criteria.intro,
    "",
    row(criteria.head),
    `| --- |${criteria.head
      .slice(1)
      .map(() => " ---: |")
      .join("")}`,
    ...report.criteria.map(row),
    "",
    ...report.notScored.map((m) => `* ${cell(m)}`),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
