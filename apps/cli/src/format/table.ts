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

  const ranked = [...rec.totals].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  out.push(
    columns(
      ["Rank", "Option", "Score"],
      ranked.map((t) => [
        t.rank === null ? "-" : String(t.rank),
        name.option(t.optionKey),
        total(t.score),
      ]),
      ["right", "left", "right"],
    ),
    "",
    verdict(rec, name.option),
    coverageText(rec),
    confidenceLine(rec),
    participationLine(rec),
    `Method: ${methodName[rec.method]}.`,
    "",
    "Per criterion: its weight, the points it adds to each option, how much the team",
    "disagrees (0-1), and the importance at which the winner would change.",
  );
  out.push(
    columns(
      ["Criterion", "Weight", ...rec.totals.map((t) => t.optionKey), "Disagreement", "Flips at"],
      rec.criteria.map((c) => [
        name.criterion(c.key),
        c.counted ? percent(c.weight) : NOT_SCORED,
        ...rec.totals.map((t) => (c.counted ? points(c.contributions[t.optionKey] ?? 0) : "-")),
        c.disagreement.toFixed(2),
        flipText(c.flipAt, c.importance),
      ]),
      ["left", "right", ...rec.totals.map((): Align => "right"), "right", "right"],
    ),
  );
  const missing = notScoredLines(rec, name);
  if (missing.length) out.push("", "Not counted in the totals:", ...missing.map((m) => `  ${m}`));
  return `${out.join("\n")}\n`;
}
