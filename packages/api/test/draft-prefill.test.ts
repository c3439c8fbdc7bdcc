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
    expect(textOf(good)).toBe(`"${reason}" (Member *0* on Ops, scoring SQS 5 of 5)`);
    for (const type of ["link", "html", "emphasis", "strong", "heading", "delete", "inlineCode"])
      expect(kinds(good).has(type)).toBe(false);

    const bad = read(text.moreInformation);
    // The section's own heading and one heading per option: none from the reason.
    const headings: string[] = [];
    visit(bad, "heading", (h) => {
      headings.push(textOf(h));
    });
    expect(headings).toEqual(["Members' reasons per option", "SQS", "Kafka"]);
    expect(textOf(bad)).toContain(
      `Good, because "${reason}" (Member *0* on Ops, scoring SQS 5 of 5)`,
    );
    expect(textOf(bad)).toContain(
      `Bad, because "${reason}" (Member *0* on Ops, scoring Kafka 1 of 5)`,
    );
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
    expect(headings).toEqual(["Members' reasons per option", "# SQS <b>", "Kafka"]);
    expect(kinds(more).has("link")).toBe(false);
    expect(kinds(more).has("html")).toBe(false);
    expect(textOf(read(text.good))).toBe(
      '"fine" (Member *0* on [ops](javascript:x), scoring # SQS <b> 5 of 5)',
    );
  });

  it("keeps each reason one consequence, through the shared document too", () => {
    const text = prefilledText(loadedWith(HOSTILE), "", "sqs", false);
    const empty = Object.fromEntries(Object.keys(text).map((k) => [k, ""])) as DraftText;
    const written = documentTextOfUpdates([seedUpdate({ ...empty, good: text.good })]).good;
    expect(markdownListItems(written)).toHaveLength(HOSTILE.length);
    expect(textOf(read(written))).toBe(textOf(read(text.good)));
  });
});

describe("what each pre-filled reason rests on", () => {
  /** Three voters who disagree, as a new team does: each scores both options on one criterion. */
  function disagreeing(): Loaded {
    const voters = [
      { id: "ana", name: "Ana", reason: "Undecided on this one", drf: 3, fastapi: 4 },
      { id: "ben", name: "Ben", reason: "FastAPI async is what we need", drf: 2, fastapi: 5 },
      { id: "cy", name: "Cy", reason: "The admin saves us weeks", drf: 5, fastapi: 1 },
    ];
    return {
      project: {
        options: [
          { key: "drf", name: "Django REST Framework" },
          { key: "fastapi", name: "FastAPI" },
        ],
        criteria: [{ key: "async", name: "Async support" }],
      },
      members: voters.map((v) => ({ id: v.id, name: v.name })),
      votes: voters.map((v) => ({
        voterId: v.id,
        criterionKey: "async",
        rationale: v.reason,
        scores: { drf: v.drf, fastapi: v.fastapi },
      })),
    } as unknown as Loaded;
  }

  it("says the score that filed each reason, in the consequences and per option", () => {
    const text = prefilledText(disagreeing(), "", "fastapi", false);
    expect(text.good).toBe(
      [
        '- "Undecided on this one" (Ana on Async support, scoring FastAPI 4 of 5)',
        '- "FastAPI async is what we need" (Ben on Async support, scoring FastAPI 5 of 5)',
      ].join("\n"),
    );
    expect(text.neutral).toBe("");
    expect(text.bad).toBe(
      '- "The admin saves us weeks" (Cy on Async support, scoring FastAPI 1 of 5)',
    );
    // Per option, Good first, then Neutral, then Bad, under the rule said once.
    expect(text.moreInformation).toBe(
      [
        "Considered options: Django REST Framework, FastAPI.",
        "## Members' reasons per option",
        "Each reason is filed under the score its author gave that option: Good for a score of 4 or more of 5, Bad for 2 or less, Neutral in between.",
        "### Django REST Framework",
        [
          '- Good, because "The admin saves us weeks" (Cy on Async support, scoring Django REST Framework 5 of 5)',
          '- Neutral, because "Undecided on this one" (Ana on Async support, scoring Django REST Framework 3 of 5)',
          '- Bad, because "FastAPI async is what we need" (Ben on Async support, scoring Django REST Framework 2 of 5)',
        ].join("\n"),
        "### FastAPI",
        [
          '- Good, because "Undecided on this one" (Ana on Async support, scoring FastAPI 4 of 5)',
          '- Good, because "FastAPI async is what we need" (Ben on Async support, scoring FastAPI 5 of 5)',
          '- Bad, because "The admin saves us weeks" (Cy on Async support, scoring FastAPI 1 of 5)',
        ].join("\n"),
      ].join("\n\n"),
    );
  });

  it("fills no consequences without a chosen option, nor for a key that is no option", () => {
    for (const chosen of [null, "flask"]) {
      const text = prefilledText(disagreeing(), "", chosen, false);
      expect([text.good, text.neutral, text.bad]).toEqual(["", "", ""]);
      expect(text.moreInformation).toContain("FastAPI async is what we need");
    }
  });

  it("shows nobody's reasons while the vote is blind", () => {
    const text = prefilledText(disagreeing(), "", "fastapi", true);
    expect(JSON.stringify(text)).not.toMatch(/Undecided|async is|admin saves/);
    expect(text.moreInformation).toContain(
      "### FastAPI\n\n- Voting is blind until it closes: reasons are not shown yet.",
    );
  });
});
