import type { DecisionInput, Recommendation } from "@tradeoff/scoring";
import { type Align, columns } from "./columns";
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

export function tableReport(rec: Recommendation, decision: DecisionInput): string {
  const name = namer(decision);
  const title = decisionTitle(decision);
  const out: string[] = [];
  if (title) out.push(title, "");

  out.push(
    columns(["Rank", "Option", "Score"], rankingRows(rec, name), {
      align: ["right", "left", "right"],
      rule: true,
    }),
    "",
    verdict(rec, name.option),
    coverageText(rec),
    confidenceLine(rec),
    participationLine(rec),
    `Method: ${methodName[rec.method]}.`,
    "",
    "Per criterion: its weight, the points it adds to each option, how much the team",
    "disagrees (0-1; - with fewer than two voters), and the importance at which the",
    "winner would change.",
  );
  out.push(
    columns(
      ["Criterion", "Weight", ...rec.totals.map((t) => t.optionKey), "Disagreement", "Flips at"],
      criterionRows(rec, name),
      {
        align: ["left", "right", ...rec.totals.map((): Align => "right"), "right", "right"],
        rule: true,
      },
    ),
  );
  const missing = notScoredLines(rec, name);
  if (missing.length) out.push("", "Not counted in the totals:", ...missing.map((m) => `  ${m}`));
  return `${out.join("\n")}\n`;
}
