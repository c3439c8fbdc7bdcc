import stringWidth from "string-width";
import { cellText } from "./terminal";

export type Align = "left" | "right";

/** Pads `text` to `width` terminal columns: a CJK character or an emoji takes two. */
function pad(text: string, width: number, align: Align): string {
  const fill = " ".repeat(Math.max(0, width - stringWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

/**
 * Plain-text columns, each padded to its widest cell as a terminal shows it, two spaces apart;
 * `rule` draws a line of dashes under the header. Cells are made one line and printable first.
 */
export function columns(
  header: string[],
  rawRows: string[][],
  options: { align?: Align[]; rule?: boolean } = {},
): string {
  const rows = rawRows.map((row) => row.map(cellText));
  const widths = header.map((h, i) =>
    Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ""))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, options.align?.[i] ?? "left"))
      .join("  ")
      .trimEnd();
  const rule = options.rule ? [line(widths.map((w) => "-".repeat(w)))] : [];
  return [line(header), ...rule, ...rows.map(line)].join("\n");
}
