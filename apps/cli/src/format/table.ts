import type { DecisionInput, Recommendation } from "@tradeoff/scoring";
import { type Align, columns } from "./columns";
import { reportParts } from "./report-rows";

export function tableReport(rec: Recommendation, decision: DecisionInput): string {
  const report = reportParts(rec, decision);
  const out: string[] = [];
  if (report.title) out.push(report.title, "");

  out.push(
    columns(["Rank", "Option", "Score"], report.ranking, {
      align: ["right", "left", "right"],
      rule: true,
    }),
    "",
    report.verdict,
    ...report.basis,
    "",
    "Per criterion: its weight, the points it adds to each option, how much the team",
    "disagrees (0-1; - with fewer than two voters), and the importance at which the",
    "winner would change.",
  );
  out.push(
    columns(
      ["Criterion", "Weight", ...rec.totals.map((t) => t.optionKey), "Disagreement", "Flips at"],
      report.criteria,
      {
        align: ["left", "right", ...rec.totals.map((): Align => "right"), "right", "right"],
        rule: true,
      },
    ),
  );
  if (report.notScored.length) {
    out.push("", "Not counted in the totals:", ...report.notScored.map((m) => `  ${m}`));
  }
  return `${out.join("\n")}\n`;
}
