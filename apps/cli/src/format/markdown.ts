import type { DecisionInput, Recommendation } from "@tradeoff/scoring";
import {
  confidenceLine,
  coverageText,
  decisionTitle,
  methodName,
  namer,
  notScoredLines,
  participationLine,
  verdict,
} from "./labels";
import { criterionRows, rankingRows } from "./report-rows";

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
const row = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;

export function markdownReport(rec: Recommendation, decision: DecisionInput): string {
  const name = namer(decision);
  const title = decisionTitle(decision);
  const lines = [
    `## Recommendation${title ? `: ${cell(title)}` : ""}`,
    "",
    row(["Rank", "Option", "Score"]),
    "| ---: | --- | ---: |",
    ...rankingRows(rec, name).map(row),
    "",
    `**${verdict(rec, name.option)}** ${coverageText(rec)} ${confidenceLine(rec)} ${participationLine(rec)} Method: ${methodName[rec.method]}.`,
    "",
    "### Criteria",
    "",
    row([
      "Criterion",
      "Weight",
      ...rec.totals.map((t) => name.option(t.optionKey)),
      "Disagreement",
      "Flips at",
    ]),
    `| --- | ---: | ${rec.totals.map(() => "---: | ").join("")}---: | ---: |`,
    ...criterionRows(rec, name).map(row),
    "",
    ...notScoredLines(rec, name).map((m) => `* ${cell(m)}`),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
