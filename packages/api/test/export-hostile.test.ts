import { toString as textOf } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { votesCsv } from "../src/services/export/csv";
import { collect, jsonExportChunks } from "../src/services/export/json";
import { type MarkdownVariant, toMarkdown } from "../src/services/export/markdown";
import { isSafeUrl, markdownText, safeMarkdown } from "../src/services/export/markdown-text";
import { toPdf } from "../src/services/export/pdf";
import type { RecordView } from "../src/services/record/record-view";
import { goldenView } from "./golden/record-view";
import {
  activeContent,
  csvRows,
  documentText,
  expectReadsAsTyped,
  flat,
  HOSTILE,
  headings,
  parse,
  pdfTextWithoutActions,
} from "./hostile-text";

/** The golden record with `text` in every field a person types (options made distinct). */
function hostileView(text: string): RecordView {
  const base = goldenView();
  const decision = base.decision;
  if (!decision) throw new Error("golden view without a decision");
  return goldenView({
    team: { ...base.team, name: text },
    project: { ...base.project, title: text, context: text },
    options: base.options.map((o, i) => ({ ...o, name: `${text} ${i}`, description: text })),
    criteria: base.criteria.map((c, i) => ({
      ...c,
      name: `${text} ${i}`,
      description: text,
      anchorLow: text,
      anchorHigh: text,
    })),
    votes: base.votes?.map((v) => ({ ...v, member: text, rationale: text })) ?? null,
    decision: {
      ...decision,
      // The team recommended another option, so the justification is printed too.
      recommendedKey: "drf",
      justification: text,
      rationale: text,
      consequences: { good: [text], neutral: [text], bad: [text] },
      decisionMakers: [{ name: text }, { name: "Ada" }],
      consulted: [{ name: text }],
      informed: [{ name: text }],
      confirmation: text,
      // Stored links are checked on input; an unchecked one (an old import) must not get through.
      links: [
        { label: text, url: "https://wiki.example.com/a page (draft)" },
        { label: "sneaky", url: "javascript:alert(1)" },
      ],
      decidedBy: text,
    },
  });
}

/** MADR's sections; log4brains reads the MADR template too. */
const MADR_SECTIONS = [
  "Context and Problem Statement",
  "Decision Drivers",
  "Considered Options",
  "Decision Outcome",
  "Pros and Cons of the Options",
  "More Information",
];
const SECTIONS: Record<MarkdownVariant, string[]> = {
  madr: MADR_SECTIONS,
  log4brains: MADR_SECTIONS,
  nygard: ["Status", "Context", "Decision", "Consequences"],
};

describe.each(Object.entries(HOSTILE))("hostile text (%s) in every export", (_name, text) => {
  const view = hostileView(text);

  describe.each(["madr", "log4brains", "nygard"] as const)("%s", (variant) => {
    const md = toMarkdown(view, variant);
    const tree = parse(md);

    it("has no HTML and no link outside http, https and mailto", () => {
      expect(activeContent(tree)).toEqual([]);
    });

    it("keeps the record's own outline: one title as typed, the format's sections", () => {
      const title = variant === "nygard" ? `7. ${flat(text)}` : flat(text);
      expect(headings(tree, 1)).toEqual([title]);
      expect(headings(tree, 2)).toEqual(SECTIONS[variant]);
      if (variant !== "nygard") {
        const optionHeadings = headings(tree, 3).filter((h) => h.startsWith(flat(text)));
        expect(optionHeadings).toEqual(view.options.map((o) => flat(o.name)));
      }
    });

    it("reads as typed: every typed field is in the text a reader sees", () => {
      const seen = documentText(tree);
      const d = view.decision;
      if (!d) throw new Error("no decision");
      const typed = [
        d.rationale,
        d.justification ?? "",
        ...d.consequences.good,
        ...view.options.map((o) => o.name),
      ];
      if (variant !== "nygard")
        typed.push(
          ...view.criteria.map((c) => c.name),
          ...view.options.map((o) => o.description),
          ...(view.votes ?? []).map((v) => v.rationale ?? ""),
          d.confirmation ?? "",
          text, // the link's label
        );
      for (const t of typed) expectReadsAsTyped(seen, t);
    });

    if (variant === "madr") {
      it("has one front matter block that YAML reads back to the names as typed", () => {
        const [first] = tree.children;
        expect(first?.type).toBe("yaml");
        expect(tree.children.filter((n) => n.type === "yaml")).toHaveLength(1);
        const fields = parseYaml(first?.type === "yaml" ? first.value : "") as Record<
          string,
          unknown
        >;
        expect(fields).toEqual({
          status: "accepted",
          date: "2026-11-21",
          "decision-makers": [text, "Ada"],
          consulted: [text],
          informed: [text],
        });
      });
    }

    if (variant === "log4brains") {
      it("keeps the Status and Date bullets log4brains reads, and the deciders as typed", () => {
        const [, list] = tree.children;
        expect(list?.type).toBe("list");
        const items = list?.type === "list" ? list.children.map((i) => textOf(i)) : [];
        expect(items.slice(0, 2)).toEqual(["Status: accepted", "Date: 2026-11-21"]);
        expect(flat(items[2] ?? "")).toBe(`Deciders: ${flat(text)}, Ada`);
      });
    }
  });

  it("CSV: a CSV parser reads every rationale and name back as typed, formulas defused", () => {
    const rows = csvRows(votesCsv(view));
    const defused = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    expect(rows).toHaveLength(view.votes?.length ?? 0);
    for (const row of rows) {
      expect(row.rationale).toBe(defused);
      expect(row.member).toBe(defused);
    }
  });

  it("JSON: JSON.parse reads every field back exactly as typed", async () => {
    const json = JSON.parse(await collect(jsonExportChunks(view, (async function* () {})())));
    expect(json.project.title).toBe(text);
    expect(json.project.context).toBe(text);
    expect(json.decision.rationale).toBe(text);
    expect(json.decision.consequences.bad).toEqual([text]);
    expect(json.options[0].name).toBe(`${text} 0`);
    expect(json.votes[0].rationale).toBe(text);
  });
});

describe("PDF with hostile text", () => {
  it("prints the text as text and carries no script, launch or link action", async () => {
    const text = `${HOSTILE.script} ${HOSTILE.javascriptLink} ${HOSTILE.handler}`;
    const history = { events: 1, votes: 1, comments: 0, firstAt: null, lastAt: null };
    const bytes = await toPdf(hostileView(text), history, "a4");
    expect(await pdfTextWithoutActions(bytes)).toContain('<script>alert("owned")</script>');
  });
});

describe("markdown text helpers", () => {
  it("escape plain text so that it parses back to one paragraph of the same text", () => {
    for (const text of Object.values(HOSTILE)) {
      const tree = parse(markdownText(text));
      expect(tree.children.every((n) => n.type === "paragraph")).toBe(true);
      expect(activeContent(tree)).toEqual([]);
      expect(documentText(tree)).toBe(flat(text));
    }
  });

  it("keep Markdown as written, minus raw HTML and unsafe links, headings below the section", () => {
    const source =
      '# Why now\n\nSee [the spec](https://spec.example/a) and [notes](./notes.md), not [this](javascript:alert(1)).\n\n<div onclick="x">raw</div>\n\n| a | b |\n| - | - |\n| 1 | 2 |';
    const tree = parse(safeMarkdown(source));
    expect(activeContent(tree)).toEqual([]);
    expect(headings(tree, 3)).toEqual(["Why now"]);
    const links: string[] = [];
    visit(tree, "link", (l) => {
      links.push(l.url);
    });
    expect(links).toEqual(["https://spec.example/a", "./notes.md"]);
    expect(documentText(tree)).toContain('not this. <div onclick="x">raw</div>');
    expect(tree.children.some((n) => n.type === "table")).toBe(true);
    // Raw HTML inside lists and quotes becomes their text too.
    const nested = parse(
      safeMarkdown("- <div onclick=x>\n  item\n  </div>\n\n> <script>alert(1)</script>"),
    );
    expect(activeContent(nested)).toEqual([]);
    expect(documentText(nested)).toBe("<div onclick=x> item </div> <script>alert(1)</script>");
    // Ordinary Markdown comes back as it was written.
    expect(safeMarkdown("Billing needs a **new** HTTP API.\n\nWe compare two frameworks.")).toBe(
      "Billing needs a **new** HTTP API.\n\nWe compare two frameworks.",
    );
  });

  it("accept only http, https, mailto and relative link targets", () => {
    expect(isSafeUrl("https://a.example")).toBe(true);
    expect(isSafeUrl("MAILTO:a@b.example")).toBe(true);
    expect(isSafeUrl("../0003-flask.md#status")).toBe(true);
    expect(isSafeUrl("javascript:alert(1)")).toBe(false);
    expect(isSafeUrl(" JaVa\tScRiPt:alert(1)")).toBe(false);
    expect(isSafeUrl("data:text/html,x")).toBe(false);
    expect(isSafeUrl("vbscript:x")).toBe(false);
  });
});
