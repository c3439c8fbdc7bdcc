import { DRAFT_TEXT_FIELDS, type DraftText } from "../../schemas/draft";

/** Reads a draft's stored text defensively (JSON): every field present, as a string. */
export function readDraftText(raw: unknown): DraftText {
  const r =
    raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return Object.fromEntries(
    DRAFT_TEXT_FIELDS.map((f) => [f, typeof r[f] === "string" ? (r[f] as string) : ""]),
  ) as DraftText;
}

export const sameText = (a: DraftText, b: DraftText) =>
  DRAFT_TEXT_FIELDS.every((f) => a[f] === b[f]);

const ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(.*)$/;

/**
 * The items of a Markdown list, one string each (continuation lines joined with a space). Text
 * outside any list is kept too, one item per paragraph, so nothing the team wrote is dropped.
 */
export function markdownListItems(markdown: string): string[] {
  const items: string[] = [];
  let current: string[] | null = null;
  const flush = () => {
    if (current?.length) items.push(current.join(" ").trim());
    current = null;
  };
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const item = ITEM.exec(line);
    if (item) {
      flush();
      current = [item[1] ?? ""];
    } else if (!line.trim()) {
      flush();
    } else {
      if (!current) current = [];
      current.push(line.trim());
    }
  }
  flush();
  return items.filter(Boolean);
}
