import stringWidth from "string-width";
import { truncate } from "./fit";
import { cellText } from "./terminal";

export type Align = "left" | "right";

/** Pads `text` to `width` terminal columns: a CJK character or an emoji takes two. */
function pad(text: string, width: number, align: Align): string {
  const fill = " ".repeat(Math.max(0, width - stringWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

/** How narrow a free-text column may get before the table is laid out one row per block. */
const MIN_TEXT_WIDTH = 10;
const GAP = 2;

export type ColumnsOptions = {
  align?: Align[];
  /** A line of dashes under the header. */
  rule?: boolean;
  /** False to leave the header line out; a row laid out as a block still names its values. */
  headed?: boolean;
  /** The terminal columns the table must fit in; no limit when left out. */
  width?: number;
  /**
   * The free-text columns (titles, names), by index: the only ones cut, with an ellipsis, to
   * fit `width`. Numbers, statuses and references are never cut.
   */
  text?: number[];
};

/**
 * Plain-text columns, each padded to its widest cell as a terminal shows it, two spaces apart;
 * `rule` draws a line of dashes under the header. Cells are made one line and printable first.
 *
 * Wider than `width`, the widest free-text column is cut first, then the next, down to 10
 * columns each. When even that does not fit (many number columns in a narrow terminal), each
 * row is printed as a block of "header  value" lines instead, so no line wraps and no column
 * slides under another.
 */
export function columns(header: string[], rawRows: string[][], options: ColumnsOptions = {}) {
  const rows = rawRows.map((row) => row.map(cellText));
  const widths = header.map((h, i) =>
    Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ""))),
  );
  const total = () => widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1);
  const limit = options.width ?? Number.POSITIVE_INFINITY;
  const text = options.text ?? [];
  while (total() > limit) {
    const widest = text
      .filter((i) => (widths[i] ?? 0) > MIN_TEXT_WIDTH)
      .sort((a, b) => (widths[b] ?? 0) - (widths[a] ?? 0))[0];
    if (widest === undefined) return stacked(header, rows, limit, text);
    widths[widest] = Math.max(MIN_TEXT_WIDTH, (widths[widest] ?? 0) - (total() - limit));
  }
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        pad(truncate(cell, widths[i] ?? 0), widths[i] ?? 0, options.align?.[i] ?? "left"),
      )
      .join(" ".repeat(GAP))
      .trimEnd();
  const rule = options.rule ? [line(widths.map((w) => "-".repeat(w)))] : [];
  const head = options.headed === false ? [] : [line(header), ...rule];
  return [...head, ...rows.map(line)].join("\n");
}

/** One block per row, a blank line apart: each header beside its value, free text cut to fit. */
function stacked(header: string[], rows: string[][], width: number, text: number[]): string {
  const labels = header.map(cellText);
  const labelWidth = Math.max(...labels.map((h) => stringWidth(h)));
  const room = Math.max(1, width - labelWidth - GAP);
  return rows
    .map((row) =>
      labels
        .map((label, i) => {
          const value = row[i] ?? "";
          const shown = text.includes(i) ? truncate(value, room) : value;
          return `${pad(label, labelWidth, "left")}${" ".repeat(GAP)}${shown}`.trimEnd();
        })
        .join("\n"),
    )
    .join("\n\n");
}
