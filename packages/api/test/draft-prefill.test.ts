/**
 * The draft a team starts from quotes the members' vote reasons, option and criterion names and
 * members' names into Markdown: each is quoted as the text it is, so a reason that looks like
 * Markdown (a heading, a link, HTML, emphasis) shows as typed and changes nothing around it.
 */
import type { Root } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import type { DraftText } from "../src/schemas/draft";
import { documentTextOfUpdates, seedUpdate } from "../src/services/draft/document-schema";
import { markdownListItems } from "../src/services/draft/draft-text";
import { prefilledText } from "../src/services/draft/start-draft";

type Loaded = Parameters<typeof prefilledText>[0];

const HOSTILE = [
  "# heading",
  "[click](javascript:alert(1))",
  "<b>bold</b> and <script>alert(1)</script>",
  "*starred* and _underlined_ and **strong**",
  "1. not a list",
  "> not a quote",
  "a `tick` and a \\ backslash",
  "---",
  "x_y_z & <tag> &amp; ~~struck~~ | pipe",
];

function loadedWith(reasons: string[], names = { option: "SQS", criterion: "Ops" }): Loaded {
  return {
    project: {
      options: [
        { key: "sqs", name: names.option },
        { key: "kafka", name: "Kafka" },
      ],
      criteria: [{ key: "ops", name: names.criterion }],
    },
    members: reasons.map((_, i) => ({ id: `u${i}`, name: `Member *${i}*` })),
    votes: reasons.map((rationale, i) => ({
      voterId: `u${i}`,
      criterionKey: "ops",
      rationale,
      scores: { sqs: 5, kafka: 1 },
    })),
  } as unknown as Loaded;
}

const read = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown);

/** Every node type in the Markdown, and whether any link, HTML or emphasis came in. */
function kinds(tree: Root): Set<string> {
  const seen = new Set<string>();
  visit(tree, (node) => {
    seen.add(node.type);
  });
  return seen;
}

describe("vote reasons quoted into the draft", () => {
  it.each(HOSTILE)("quotes %j as text in each section", (reason) => {
    const text = prefilledText(loadedWith([reason]), "", "sqs", false);
    const good = read(text.good);
    expect(good.children.map((c) => c.type)).toEqual(["list"]);
    expect(textOf(good)).toBe(`"${reason}" (Member *0* on Ops)`);
    for (const type of ["link", "html", "emphasis", "strong", "heading", "delete", "inlineCode"])
      expect(kinds(good).has(type)).toBe(false);

    const bad = read(text.moreInformation);
    // The section's own heading and one heading per option: none from the reason.
    const headings: string[] = [];
    visit(bad, "heading", (h) => {
      headings.push(textOf(h));
    });
    expect(headings).toEqual(["Pros and cons of the options", "SQS", "Kafka"]);
    expect(textOf(bad)).toContain(`Good, because "${reason}" (Member *0* on Ops)`);
    expect(textOf(bad)).toContain(`Bad, because "${reason}" (Member *0* on Ops)`);
  });

  it("quotes option and criterion names as text too", () => {
    const text = prefilledText(
      loadedWith(["fine"], { option: "# SQS <b>", criterion: "[ops](javascript:x)" }),
      "",
      "sqs",
      false,
    );
    const more = read(text.moreInformation);
    const headings: string[] = [];
    visit(more, "heading", (h) => {
      headings.push(textOf(h));
    });
    expect(headings).toEqual(["Pros and cons of the options", "# SQS <b>", "Kafka"]);
    expect(kinds(more).has("link")).toBe(false);
    expect(kinds(more).has("html")).toBe(false);
    expect(textOf(read(text.good))).toBe('"fine" (Member *0* on [ops](javascript:x))');
  });

  it("keeps each reason one consequence, through the shared document too", () => {
    const text = prefilledText(loadedWith(HOSTILE), "", "sqs", false);
    const empty = Object.fromEntries(Object.keys(text).map((k) => [k, ""])) as DraftText;
    const written = documentTextOfUpdates([seedUpdate({ ...empty, good: text.good })]).good;
    expect(markdownListItems(written)).toHaveLength(HOSTILE.length);
    expect(textOf(read(written))).toBe(textOf(read(text.good)));
  });
});
