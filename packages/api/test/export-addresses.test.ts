import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import type { Root } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { votesCsv } from "../src/services/export/csv";
import { type MarkdownVariant, toMarkdown } from "../src/services/export/markdown";
import { markdownText, shownRecordText } from "../src/services/export/markdown-text";
import { toPdf } from "../src/services/export/pdf";
import type { RecordView } from "../src/services/record/record-view";
import { goldenView } from "./golden/record-view";

const gfm = unified().use(remarkParse).use(remarkGfm);
const parse = (markdown: string) => gfm.parse(markdown) as Root;
const linksOf = (tree: Root) => {
  const urls: string[] = [];
  visit(tree, "link", (link) => {
    urls.push(link.url);
  });
  return urls;
};

/**
 * Web addresses as people paste them: any path, query and fragment (underscores, stars, tildes,
 * percent escapes). An address ending in punctuation reads that punctuation as the sentence's,
 * in GFM as here, so the addresses drawn end in a letter or digit.
 */
const address = fc
  .webUrl({ withQueryParameters: true, withFragments: true })
  .map((url) => `${url}a_b`)
  .filter((url) => !url.includes("|"));

/**
 * The golden record with `reason` as every vote's reason and as the record's rationale, or,
 * with `draft`, the rationale as a shared draft's Markdown that shows `reason`.
 */
function withReason(reason: string, draft?: string): RecordView {
  const base = goldenView();
  if (!base.decision) throw new Error("golden view without a decision");
  return goldenView({
    votes: base.votes?.map((v) => ({ ...v, rationale: reason })) ?? null,
    decision: { ...base.decision, rationale: draft ?? reason, fromDraft: draft !== undefined },
  });
}

const VARIANTS: MarkdownVariant[] = ["madr", "log4brains", "nygard"];

describe("a web address typed in a reason", () => {
  it.each(VARIANTS)(
    "%s: comes out once as typed, and GFM links exactly that address",
    (variant) => {
      fc.assert(
        fc.property(address, (url) => {
          const typed = `See ${url} for the numbers.`;
          const md = toMarkdown(withReason(typed), variant);
          const tree = parse(md);
          // Read as GFM renders it: the sentence as typed, the address unescaped, linked whole.
          expect(textOf(tree)).toContain(typed);
          expect(linksOf(tree)).toContain(url);
          // And read as the file's text: the address as typed, never with escapes in it.
          expect(md).toContain(url);
        }),
        { numRuns: 40, seed: 20261206 },
      );
    },
    60_000,
  );

  it("a record accepted from a shared draft, whose Markdown holds the address, prints it once as typed", () => {
    fc.assert(
      fc.property(address, (url) => {
        const typed = `See ${url} for the numbers.`;
        // The draft's Markdown as its prefill writes a reason, and as escaping it would have.
        for (const draft of [markdownText(typed), typed.replaceAll("_", "\\_")]) {
          const view = withReason(typed, draft);
          for (const variant of VARIANTS) {
            const md = toMarkdown(view, variant);
            expect(textOf(parse(md)), variant).toContain(typed);
            expect(linksOf(parse(md)), variant).toContain(url);
          }
        }
      }),
      { numRuns: 10, seed: 20261206 },
    );
  }, 60_000);

  it("CSV: a vote's reason with an address reads back exactly as typed", () => {
    fc.assert(
      fc.property(address, (url) => {
        const typed = `See ${url} for the numbers.`;
        const rows = parseCsv(votesCsv(withReason(typed)), { columns: true, bom: true }) as {
          rationale: string;
        }[];
        for (const row of rows) expect(row.rationale).toBe(typed);
      }),
      { numRuns: 100, seed: 20261206 },
    );
  });

  it("PDF: the address prints once, as typed, also from a shared draft's Markdown", async () => {
    const history = { events: 1, votes: 1, comments: 0, firstAt: null, lastAt: null };
    for (const view of [
      withReason("See https://example.com/a_b for more."),
      withReason(
        "See https://example.com/a_b for more.",
        "See https://example.com/a\\_b for more.",
      ),
    ]) {
      // As the export prints it: a shared draft's Markdown as the text it shows.
      const bytes = await toPdf(shownRecordText(view), history, "a4");
      const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
      expect(text).toContain("https://example.com/a_b for more.");
      expect(text).not.toContain("a\\_b");
    }
  });
});
