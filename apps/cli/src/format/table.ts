import type { DecisionInput, Recommendation } from "@tradeoff/scoring";
import { DEFAULT_COLUMNS } from "../io";
import { columns } from "./columns";
import { wrapText } from "./fit";
import { criterionHead, reportParts } from "./report-rows";
import { terminalText } from "./terminal";

/**
 * The recommendation as a person reads it in a terminal of `width` columns: the tables fitted
 * to it (names cut, numbers whole) and the sentences wrapped at it, measured as shown. Without a
 * width (a pipe, a file) every cell and sentence is whole, as a script reads it.
 */
export function tableReport(
  rec: Recommendation,
  decision: DecisionInput,
  width: number | undefined,
  /**
   * What the result rests on, in place of the one counted from `rec`: a recorded decision's
   * coverage, or a line that also says how many stored votes the server left out.
   */
  coverage?: string,
): string {
  const report = reportParts(rec, decision, coverage);
  // Options go by their keys here, which fit a terminal's columns.
  const criteria = criterionHead(rec, (key) => key);
  const wrap = (text: string) => (width === undefined ? text : wrapText(terminalText(text), width));
  const out: string[] = [];
  if (report.title) out.push(wrap(report.title), "");

  out.push(
    columns(["Rank", "Option", "Score"], report.ranking, {
      align: ["right", "left", "right"],
      rule: true,
      width,
      text: [1],
    }),
    "",
    wrap(report.verdict),
    ...report.basis.map(wrap),
    "",
    wrapText(criteria.intro, width ?? DEFAULT_COLUMNS),
  );
  out.push(
    columns(criteria.head, report.criteria, {
      align: criteria.head.map((_, i) => (i === 0 ? "left" : "right")),
      rule: true,
      width,
      text: criteria.text,
    }),
  );
  if (report.notScored.length) {
    out.push(
      "",
      wrap("Not counted in the totals:"),
      ...report.notScored.map((m) => wrap(`  ${m}`)),
    );
  }
  return `${out.join("\n")}\n`;
}
