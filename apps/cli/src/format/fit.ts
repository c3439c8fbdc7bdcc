import stringWidth from "string-width";

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * `text` cut to `width` terminal columns with an ellipsis at the end, or as it is when it fits.
 * Cut between whole characters as a person sees them (an emoji, a letter and its accent), so a
 * wide character is never split.
 */
export function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  if (width <= 0) return "";
  let out = "";
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/**
 * `text` wrapped at spaces into lines of at most `width` terminal columns; its own line breaks
 * are kept, and a word longer than a line is cut across lines rather than left sticking out.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split("\n")
    .map((paragraph) => wrapLine(paragraph, width).join("\n"))
    .join("\n");
}

function wrapLine(line: string, width: number): string[] {
  if (stringWidth(line) <= width) return [line];
  const indent = /^ */.exec(line)?.[0] ?? "";
  const lines: string[] = [];
  let current = "";
  const push = () => {
    if (current) lines.push(current);
    current = "";
  };
  for (const word of line.trim().split(/ +/)) {
    const lead = current ? `${current} ` : indent;
    if (stringWidth(lead + word) <= width) {
      current = lead + word;
      continue;
    }
    push();
    let rest = word;
    // A word wider than a line on its own: as much of it as fits, line after line.
    while (stringWidth(indent + rest) > width) {
      let piece = "";
      for (const { segment } of graphemes.segment(rest)) {
        if (stringWidth(indent + piece + segment) > width) break;
        piece += segment;
      }
      if (!piece) break;
      lines.push(indent + piece);
      rest = rest.slice(piece.length);
    }
    current = indent + rest;
  }
  push();
  return lines;
}
