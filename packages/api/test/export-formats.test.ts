import { parse as parseCsv } from "csv-parse/sync";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { csvField, votesCsv } from "../src/services/export/csv";
import { recordBaseName, slugify } from "../src/services/export/file-name";
import { toMarkdown } from "../src/services/export/markdown";
import { toPdf } from "../src/services/export/pdf";
import { goldenView } from "./golden/record-view";

/** Splits a MADR file into its YAML front matter and body. */
function frontMatter(md: string) {
  const match = md.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
  if (!match) throw new Error("no front matter");
  return { yaml: parseYaml(match[1] ?? "") as Record<string, unknown>, body: match[2] ?? "" };
}

const headings = (md: string) => md.split("\n").filter((l) => /^#{1,3} /.test(l));

describe("MADR export", () => {
  const md = toMarkdown(goldenView(), "madr");

  it("matches the golden file", async () => {
    await expect(md).toMatchFileSnapshot("golden/0007-madr.md.golden");
  });

  it("has front matter a YAML parser reads back, with MADR's fields and no nulls", () => {
    const { yaml } = frontMatter(md);
    expect(yaml).toEqual({
      status: "accepted",
      date: "2026-11-21",
      "decision-makers": "Ada, CTO Office",
      consulted: "Grace",
    });
  });

  it("has MADR 4's sections in order", () => {
    expect(headings(md)).toEqual([
      "# Which API framework for the billing service? (v2/ÉTÉ)",
      "## Context and Problem Statement",
      "## Decision Drivers",
      "## Considered Options",
      "## Decision Outcome",
      "### Consequences",
      "### Confirmation",
      "## Pros and Cons of the Options",
      "### Django REST Framework",
      "### FastAPI",
      "## More Information",
    ]);
  });

  it("says what was chosen and why, and builds pros and cons from scores and rationales", () => {
    expect(md).toContain('Chosen option: "FastAPI", because it fits our typed');
    // The consequence keeps the casing its author typed, as on the record page.
    expect(md).toContain("* Good, because Request and response models are checked at the edge.");
    expect(md).toContain(
      '* Good, because "Pydantic models catch mistakes before review." (Ada on Type safety)',
    );
    expect(md).toContain(
      '* Bad, because "Pydantic models catch mistakes before review." (Ada on Type safety)',
    );
    expect(md).toContain("| Async \\| real time |");
    expect(md).toContain("Participation: 3 of 4 members voted (quorum 3: met).");
    expect(md).toContain("Supersedes [0003-flask-for-billing](0003-flask-for-billing.md).");
    expect(md).toContain("https://tradeoff.example.com/t/billing/p/p1");
  });

  it("marks an undecided project as a draft with the recommendation, not a decision", () => {
    const draft = toMarkdown(
      goldenView({
        decision: null,
        draft: true,
        project: { ...goldenView().project, status: "OPEN" },
      }),
      "madr",
    );
    const { yaml, body } = frontMatter(draft);
    expect(yaml).toEqual({ status: "proposed", date: "2026-11-28" });
    expect(body).toContain("> **Draft.**");
    expect(body).toContain('Recommended option (not yet decided): "FastAPI"');
    expect(body).not.toContain("Chosen option");
  });

  it("writes superseded by with links to the successors", () => {
    const md2 = toMarkdown(
      goldenView({
        project: { ...goldenView().project, status: "SUPERSEDED" },
        supersededBy: [{ id: "p9", number: 12, title: "Go for billing", status: "DECIDED" }],
      }),
      "madr",
    );
    expect(frontMatter(md2).yaml.status).toBe(
      "superseded by [0012-go-for-billing](0012-go-for-billing.md)",
    );
  });

  it("hides the result and rationales of a blind vote that is still open", () => {
    const blind = toMarkdown(
      goldenView({ result: null, votes: null, decision: null, draft: true }),
      "madr",
    );
    expect(blind).toContain("The result stays hidden until this blind vote closes.");
    expect(blind).not.toContain("Pydantic");
  });
});

describe("log4brains and Nygard variants", () => {
  it("log4brains: the Status, Date and Deciders bullets it reads, MADR's body", async () => {
    const md = toMarkdown(goldenView(), "log4brains");
    await expect(md).toMatchFileSnapshot("golden/0007-log4brains.md.golden");
    expect(md.startsWith("# Which API framework")).toBe(true);
    expect(md).toContain("- Status: accepted\n- Date: 2026-11-21\n- Deciders: Ada, CTO Office\n");
    expect(headings(md)).toContain("## Pros and Cons of the Options");
    const draft = toMarkdown(goldenView({ decision: null, draft: true }), "log4brains");
    expect(draft).toContain("- Status: draft\n");
  });

  it("Nygard: Title, Date, Status, Context, Decision, Consequences", async () => {
    const md = toMarkdown(goldenView(), "nygard");
    await expect(md).toMatchFileSnapshot("golden/0007-nygard.md.golden");
    expect(headings(md)).toEqual([
      "# 7. Which API framework for the billing service? (v2/ÉTÉ)",
      "## Status",
      "## Context",
      "## Decision",
      "## Consequences",
    ]);
    expect(md).toContain("Date: 2026-11-21");
    expect(md).toContain("We will use FastAPI.");
  });
});

describe("file names", () => {
  it("numbers per team and slugs titles safely", () => {
    expect(recordBaseName(goldenView())).toBe(
      "0007-which-api-framework-for-the-billing-service-v2-ete",
    );
    expect(slugify('../../etc/passwd: <bad> "name"?*|')).toBe("etc-passwd-bad-name");
    expect(slugify("日本語")).toBe("decision");
    expect(slugify("x".repeat(200))).toHaveLength(60);
  });
});

describe("votes CSV", () => {
  it("parses back to one row per vote with a column per option", () => {
    const rows = parseCsv(votesCsv(goldenView()), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "member",
      "criterion",
      "importance",
      "drf",
      "fastapi",
      "rationale",
      "updated_at",
    ]);
    expect(rows[2]).toMatchObject({
      member: "Ada",
      criterion: "admin",
      importance: "2",
      drf: "5",
      fastapi: "1",
      rationale: "The Django admin saves us a back office, for now.",
    });
  });

  it("quotes commas, quotes and newlines, and defuses spreadsheet formulas in typed text", () => {
    expect(csvField('a "b", c\nd')).toBe('"a ""b"", c\nd"');
    expect(csvField("=HYPERLINK(1)", { text: true })).toBe("'=HYPERLINK(1)");
    expect(csvField(-1)).toBe("-1");
  });
});

describe("PDF summary", () => {
  const history = {
    events: 12,
    votes: 8,
    comments: 2,
    firstAt: "2026-11-02T09:00:00.000Z",
    lastAt: "2026-11-21T09:00:00.000Z",
  };

  it("prints any title (other scripts become ?) and runs onto more pages when long", async () => {
    const base = goldenView();
    const long =
      "A very long consequence that wraps over several lines of the printed page. ".repeat(6);
    const view = goldenView({
      project: { ...base.project, title: "Choix du cadre — 日本語 “API” 🚀" },
      decision: base.decision && {
        ...base.decision,
        consequences: { good: Array(30).fill(long), neutral: [], bad: [] },
      },
    });
    const pdf = await getDocumentProxy(await toPdf(view, history, "letter"));
    expect(pdf.numPages).toBeGreaterThan(1);
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain('Choix du cadre - ??? "API" ?');
    expect(text).toContain("Chosen option: FastAPI");
    expect(text).toContain("12 events from 2026-11-02 to 2026-11-21: 8 vote changes, 2 comments.");
  });
});
