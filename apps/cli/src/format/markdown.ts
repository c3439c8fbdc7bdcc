import type { DecisionInput, Recommendation } from "@tradeoff/scoring";
import {
  confidenceLine,
  coverageText,
  decisionTitle,
  flipText,
  methodName,
  NOT_SCORED,
  namer,
  notScoredLines,
  participationLine,
  percent,
  points,
  total,
  verdict,
} from "./labels";

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
const row = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;

export function markdownReport(rec: Recommendation, decision: DecisionInput): string {
  const name = namer(decision);
  const title = decisionTitle(decision);
  const ranked = [...rec.totals].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const lines = [
    `## Recommendation${title ? `: ${cell(title)}` : ""}`,
    "",
    row(["Rank", "Option", "Score"]),
    "| ---: | --- | ---: |",
    ...ranked.map((t) =>
      row([t.rank === null ? "-" : String(t.rank), name.option(t.optionKey), total(t.score)]),
    ),
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
    ...rec.criteria.map((c) =>
      row([
        name.criterion(c.key),
        c.counted ? percent(c.weight) : NOT_SCORED,
        ...rec.totals.map((t) => (c.counted ? points(c.contributions[t.optionKey] ?? 0) : "-")),
        c.disagreement.toFixed(2),
        flipText(c.flipAt, c.importance),
      ]),
    ),
    "",
    ...notScoredLines(rec, name).map((m) => `* ${cell(m)}`),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
