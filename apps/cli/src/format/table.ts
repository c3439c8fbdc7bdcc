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

type Align = "left" | "right";

/** Plain-text columns, padded to the widest cell. */
function columns(header: string[], rows: string[][], align: Align[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        align[i] === "right" ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function tableReport(rec: Recommendation, decision: DecisionInput): string {
  const name = namer(decision);
  const title = decisionTitle(decision);
  const out: string[] = [];
  if (title) out.push(title, "");

  out.push(
    columns(["Rank", "Option", "Score"], rankingRows(rec, name), ["right", "left", "right"]),
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
      ["left", "right", ...rec.totals.map((): Align => "right"), "right", "right"],
    ),
  );
  const missing = notScoredLines(rec, name);
  if (missing.length) out.push("", "Not counted in the totals:", ...missing.map((m) => `  ${m}`));
  return `${out.join("\n")}\n`;
}
