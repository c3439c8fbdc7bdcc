/**
 * The draft's Markdown read into the shared document and written back: the text people typed
 * comes back as they typed it, so neither opening the editor nor an edit elsewhere rewrites it.
 */
import fc from "fast-check";
import type { Paragraph } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import * as Y from "yjs";
import type { DraftText } from "../src/schemas/draft";
import {
  DRAFT_TEXT_FIELDS,
  type DraftTextField,
  documentReadsAs,
  documentText,
  documentTextOfUpdates,
  seedUpdate,
} from "../src/services/draft/document-schema";
import { markdownListItems } from "../src/services/draft/draft-text";
import { toMarkdown } from "../src/services/export/markdown";
import { shownRecordText } from "../src/services/export/markdown-text";
import { toPdf } from "../src/services/export/pdf";
import { goldenView } from "./golden/record-view";

const roundTrip = (markdown: string) => {
  const text = Object.fromEntries(DRAFT_TEXT_FIELDS.map((f) => [f, ""])) as DraftText;
  return documentTextOfUpdates([seedUpdate({ ...text, good: markdown })]).good;
};

describe("the draft's Markdown through the shared document", () => {
  it.each([
    "See https://example.com/pricing",
    'Spreadsheets: =HYPERLINK("http://x")',
    '- "Runbook at https://example.com/runbook." (Alice on Ops)',
    "Ask www.example.com or ops@example.com first.",
    "https://example.com/pricing, then https://example.com/limits.",
    "[the docs](https://example.com/docs) and **bold** words",
    "### SQS\n\n- Good, because it is managed\n- Bad, because of limits",
    "*managed* and ~~self-hosted~~ with `SQS_QUEUE_URL` and <u>underlined</u>",
    "> Quoted **bold [docs](https://example.com/docs)** here\n\n1. one\n2. two\n   - nested",
    "```ts\nconst a = b_c & d;\n```\n\n---\n\nLine one\\\nline two",
    "R&D, Q&A and snake_case_names at 5 < 7 > 3",
  ])("writes %j back as it was typed", (markdown) => {
    expect(roundTrip(markdown)).toBe(markdown);
  });

  it("keeps a link whose text is not its address as a link", () => {
    expect(roundTrip("[https://a.example](https://b.example)")).toBe(
      "[https://a.example](https://b.example)",
    );
  });

  it("tells Markdown the document only spells differently from a real change", () => {
    for (const typed of ["a & b", "x_y_z", "_costs_ matter", "See <https://example.com>"]) {
      expect(documentReadsAs(typed, roundTrip(typed))).toBe(true);
    }
    expect(documentReadsAs("a & b", "a & c")).toBe(false);
    expect(documentReadsAs("", "")).toBe(true);
    expect(documentReadsAs("", "New text")).toBe(false);
  });
});

/** A member types `text` into a new paragraph of `field`, as the editor does (one text node). */
function typed(field: string, text: string): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  doc.transact(() => {
    doc.getXmlFragment(field).insert(0, [paragraph]);
    content.insert(0, text);
  });
  return doc;
}

/** The text of a field's document as a reader of the editor sees it. */
function shownText(markdown: string, field: DraftTextField = "rationale"): string {
  const empty = Object.fromEntries(DRAFT_TEXT_FIELDS.map((f) => [f, ""])) as DraftText;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seedUpdate({ ...empty, [field]: markdown }));
  const parts: string[] = [];
  const walk = (node: { text?: string; content?: unknown[] }) => {
    if (node.text) parts.push(node.text);
    for (const child of (node.content ?? []) as (typeof node)[]) walk(child);
  };
  walk(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(field)));
  return parts.join("");
}

const reader = unified().use(remarkParse).use(remarkGfm);
const spaced = (text: string) => text.replace(/\s+/g, " ").trim();

/** The sentence the MADR export writes the rationale into, as a Markdown reader shows it. */
function exportedReason(markdown: string): string {
  const found: string[] = [];
  visit(reader.parse(markdown), "paragraph", (p: Paragraph) => {
    const text = textOf(p);
    if (text.startsWith("Chosen option:")) found.push(text);
  });
  return spaced(found.join(" ").replace(/^Chosen option: "[^"]*", because /, ""));
}

/** A record accepted from the draft: its rationale and good consequences, the draft's Markdown. */
function recordFrom(stored: { rationale: string; good: string }) {
  const base = goldenView();
  if (!base.decision) throw new Error("golden view without a decision");
  return goldenView({
    decision: {
      ...base.decision,
      fromDraft: true,
      rationale: stored.rationale,
      consequences: { good: markdownListItems(stored.good), neutral: [], bad: [] },
    },
  });
}

/** Characters Markdown and HTML give a meaning, and words around them. */
const typing = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ..."`*_[]()<>&#!~|\\-+.=:;/\"'{}@%^$ ".split(""),
        " ",
        "  ",
        "a",
        "Z",
        "7",
        "1.",
        "é",
        "中",
        "🙂",
        "&amp;",
        "&#42;",
        "<b>",
        "</b>",
        "<!--",
        // Addresses end at a space here: the exports write plain text for CommonMark, and a
        // GFM reader takes a backslash escape right after an address into the link.
        "https://example.com/a_b ",
        "www.example.com ",
        "ops@example.com ",
        "[x](javascript:alert(1))",
        "**",
        "~~",
        "```",
        "---",
        "# ",
        "- ",
        "> ",
        // Words the editor would read as a lettered or roman list marker at a line's start.
        "OK. ",
        "iv) ",
      ),
    ),
    { minLength: 1, maxLength: 24 },
  )
  .map((parts) => parts.join(""))
  .filter((text) => text.trim().length > 0);

describe("text a member types, through the draft into the record and its exports", () => {
  it("stores ordinary text as typed: no entity or backslash where Markdown needs none", () => {
    for (const text of [
      "R&D pays for it, at 5 < 7 > 3",
      "snake_case_names and file_name.ts stay",
      'Quotes "as typed", (parentheses) and = signs',
      "Cost: $5/month; 50% less",
    ]) {
      expect(documentText(typed("rationale", text)).rationale).toBe(text);
    }
  });

  it("keeps a sentence that starts like a lettered or roman list item a sentence", () => {
    // The editor reads `a)`, `iv.` or `OK.` at a line's start as a list marker; CommonMark does not.
    for (const text of ["OK. Here is why", "a) the first reason", "IV. Costs", "Z) `"]) {
      const stored = documentText(typed("rationale", text)).rationale;
      expect(shownText(stored)).toBe(text);
      expect(
        documentTextOfUpdates([seedUpdate({ ...emptyText(), rationale: stored })]).rationale,
      ).toBe(stored);
      const madr = toMarkdown(recordFrom({ rationale: stored, good: "" }), "madr");
      expect(exportedReason(madr)).toBe(text);
    }
  });

  it("for any text typed into a paragraph: Markdown, document, Markdown and MADR show it as typed", () => {
    fc.assert(
      fc.property(typing, (text) => {
        const stored = documentText(typed("rationale", text)).rationale;
        // Read back into the editor: the same text, and written again the same Markdown.
        expect(spaced(shownText(stored))).toBe(spaced(text));
        expect(
          documentTextOfUpdates([seedUpdate({ ...emptyText(), rationale: stored })]).rationale,
        ).toBe(stored);
        // Accepted into the record and exported: escaped once, so it reads as typed.
        const madr = toMarkdown(recordFrom({ rationale: stored, good: "" }), "madr");
        expect(exportedReason(madr)).toBe(spaced(text));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a typed consequence as typed in the exports, the PDF too", async () => {
    const text = "R&D's snake_case *costs* <b>less</b> & [x](y)";
    const good = documentText(typed("good", text)).good;
    const view = recordFrom({ rationale: documentText(typed("rationale", text)).rationale, good });
    for (const variant of ["madr", "nygard"] as const) {
      const markdown = toMarkdown(view, variant);
      expect(spaced(textOf(reader.parse(markdown)))).toContain(`Good, because ${text}`);
    }
    const bytes = await toPdf(shownRecordText(view), {
      events: 0,
      votes: 0,
      comments: 0,
      firstAt: null,
      lastAt: null,
    });
    const pdf = spaced(
      (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text,
    );
    expect(pdf).toContain(`because ${text}`);
    expect(pdf).toContain(`- Good, because ${text}`);
  });
});

function emptyText(): DraftText {
  return Object.fromEntries(DRAFT_TEXT_FIELDS.map((f) => [f, ""])) as DraftText;
}
