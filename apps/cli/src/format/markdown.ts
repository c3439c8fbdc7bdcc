import type { DecisionInput, Recommendation } from "@tradeoff/scoring";
import {
  confidenceLine,
  decisionTitle,
  flipText,
  methodName,
  namer,
  participationLine,
  percent,
  points,
  verdict,
} from "./labels";

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
const row = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;

export function markdownReport(rec: Recommendation, decision: DecisionInput): string {
  const name = namer(decision);
  const title = decisionTitle(decision);
  const ranked = [...rec.totals].sort((a, b) => a.rank - b.rank);
  const lines = [
    `## Recommendation${title ? `: ${cell(title)}` : ""}`,
    "",
    row(["Rank", "Option", "Score"]),
    "| ---: | --- | ---: |",
    ...ranked.map((t) => row([String(t.rank), name.option(t.optionKey), points(t.score)])),
    "",
    `**${verdict(rec, name.option)}** ${confidenceLine(rec)} ${participationLine(rec)} Method: ${methodName[rec.method]}.`,
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
    ...rec.criteria.map((c) =>
      row([
        name.criterion(c.key),
        percent(c.weight),
        ...rec.totals.map((t) => points(c.contributions[t.optionKey] ?? 0)),
        c.disagreement.toFixed(2),
        flipText(c.flipAt, c.importance),
      ]),
    ),
    "",
  ];
  return lines.join("\n");
}
