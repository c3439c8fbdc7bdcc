import { parse as parseCsv } from "csv-parse/sync";
import type { Heading, Nodes, Root } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { extractText, getDocumentProxy } from "unpdf";
import { expect } from "vitest";

/**
 * Text a hostile member could type anywhere: each is put into every typed field of a record,
 * exported in every format, and read back with the parsers a documentation site, a spreadsheet
 * or a script would use.
 */
export const HOSTILE = {
  script: '<script>alert("owned")</script>',
  handler: '<img src=x onerror="alert(1)"> <a href="#" onclick="alert(1)">x</a>',
  svg: "<svg onload=alert(1)><style>*{}</style>",
  javascriptLink: "[click me](javascript:alert(1)) and [tab](java\tscript:alert(1))",
  dataLink: "[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  image: "![pixel](javascript:alert(1)) ![x](data:image/svg+xml,<svg onload=alert(1)>)",
  autolink: "<javascript:alert(1)> <https://ok.example/path>",
  referenceLink: "[x][evil]\n\n[evil]: javascript:alert(1)",
  entities: "&lt;script&gt; &#106;avascript:alert(1) R&D &amp;",
  frontMatter: "---\ntitle: owned\nstatus: accepted\n---",
  documentEnd: "...\n--- !!js/function >\n  alert(1)",
  headings: "# Owned\n## Decision Outcome\nSection\n===",
  structure: "- item\n+ other\n1. one\n> quote\n    indented code\n***",
  emphasis: "*not emphasis* _nor this_ **nor bold** `nor code` ~~nor struck~~ C# #",
  table: "a | b\n--- | ---\nc | d",
  fence: "```js\nunclosed fence",
  backslash: "ends with a backslash \\",
  yaml: "key: value # comment\n? complex\n&anchor *alias !!str [1, 2] {a: b} 'q' \"qq\" @at `tick`",
  formula: '=HYPERLINK("https://evil.example","click")',
  // (No NUL: PostgreSQL text cannot hold it, and Markdown reads it as U+FFFD.)
  unicode: "Łukasz — 東京 🚀 \u202eevil\u202c café \u0007 zero\u200bwidth",
  long: `${"long line ".repeat(800)}<b>end</b>`,
} satisfies Record<string, string>;

const reader = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);
export const parse = (md: string) => reader.parse(md) as Root;

/** The scheme a browser would follow, read with the WHATWG URL parser, not ours. */
function scheme(url: string): string | null {
  try {
    return new URL(url, "https://relative.invalid/").protocol;
  } catch {
    return null;
  }
}

/** Whitespace as Markdown renders it: runs of spaces and line breaks read as one space. */
export const flat = (s: string) => s.replace(/\s+/g, " ").trim();

/** Plain text of the whole document, block by block, as a reader sees it. */
export const documentText = (tree: Root) => flat(tree.children.map((n) => textOf(n)).join(" "));

/** Sentences may lowercase the first letter ("Good, because …"); nothing else may change. */
export function expectReadsAsTyped(text: string, typed: string) {
  const want = flat(typed);
  const lowered = want.charAt(0).toLowerCase() + want.slice(1);
  expect(text.includes(want) || text.includes(lowered), `missing ${JSON.stringify(want)}`).toBe(
    true,
  );
}

export function headings(tree: Root, depth: number): string[] {
  const found: string[] = [];
  visit(tree, "heading", (h: Heading) => {
    if (h.depth === depth) found.push(flat(textOf(h)));
  });
  return found;
}

export function activeContent(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === "html") found.push(`html: ${node.value}`);
    if (node.type === "link" || node.type === "image" || node.type === "definition") {
      const protocol = scheme(node.url);
      if (!["http:", "https:", "mailto:"].includes(protocol ?? ""))
        found.push(`${node.type} to ${node.url}`);
    }
  });
  return found;
}

/** A CSV export's rows as a spreadsheet script reads them: keyed by the header row, BOM skipped. */
export const csvRows = (csv: string) =>
  parseCsv(csv, { columns: true, bom: true }) as Record<string, string>[];

/**
 * The text a reader of the PDF `bytes` sees (whitespace as `flat` reads it), once the file is
 * checked to carry no action a viewer would run: no script, launch, link, form or import.
 */
export async function pdfTextWithoutActions(bytes: Uint8Array): Promise<string> {
  expect(Buffer.from(bytes).toString("latin1")).not.toMatch(
    /\/(JavaScript|JS|Launch|URI|OpenAction|AA|SubmitForm|ImportData)\b/,
  );
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return flat(text);
}
