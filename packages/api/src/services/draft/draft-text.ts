import type { PhrasingContent, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
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

const reader = unified().use(remarkParse).use(remarkGfm);

/** Text with Markdown's backslash escapes of ASCII punctuation undone: `a\_b` is `a_b`. */
const unescapeMarkdown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, "$1");

/**
 * The text a reader sees in a piece of the draft's Markdown: what the record keeps as plain text
 * (the rationale, each consequence, the confirmation), which the record's exports then escape
 * once, as they do text typed in the record's form. A character the draft's Markdown had to
 * escape (`\*`, `\_`, `&amp;`) is the character typed; paragraphs stay apart (a blank line),
 * line breaks stay; a list item starts with its marker (`- `, `1. `); a link whose text is not
 * its address keeps the address after it, in parentheses; an image is its description.
 */
export function markdownAsText(markdown: string): string {
  const blocks: string[] = [];
  const inline = (nodes: PhrasingContent[]): string => nodes.map(phrase).join("");
  const phrase = (node: PhrasingContent): string => {
    switch (node.type) {
      case "text":
      case "inlineCode":
      case "html":
        return node.value;
      case "break":
        return "\n";
      case "image":
        return node.alt ?? "";
      case "link": {
        const text = inline(node.children);
        const own = [text, `http://${text}`, `https://${text}`, `mailto:${text}`];
        if (!text) return node.url;
        if (own.includes(node.url)) {
          // A bare address (GFM's autolink literal, not `<...>`) keeps the backslashes its
          // Markdown escaped characters with (`a\_b`): the address typed has none.
          const start = node.position?.start.offset;
          const bare = start !== undefined && markdown[start] !== "<" && text === node.url;
          return bare ? unescapeMarkdown(text) : text;
        }
        return `${text} (${node.url})`;
      }
      default:
        return "children" in node ? inline(node.children as PhrasingContent[]) : "";
    }
  };
  const block = (node: RootContent, marker = "") => {
    switch (node.type) {
      case "paragraph":
      case "heading":
        blocks.push(`${marker}${inline(node.children)}`);
        return;
      case "code":
      case "html":
        blocks.push(`${marker}${node.value}`);
        return;
      case "list":
        node.children.forEach((item, i) => {
          const mark = node.ordered ? `${(node.start ?? 1) + i}. ` : "- ";
          item.children.forEach((child, j) => {
            block(child, j === 0 ? mark : "");
          });
        });
        return;
      case "table":
        for (const row of node.children)
          blocks.push(row.children.map((cell) => inline(cell.children)).join(" | "));
        return;
      case "thematicBreak":
      case "definition":
        return;
      default:
        if ("children" in node) for (const child of node.children) block(child as RootContent);
    }
  };
  for (const node of reader.parse(markdown).children) block(node);
  return blocks
    .map((b) => b.trim())
    .filter(Boolean)
    .join("\n\n");
}
