import { parse as parseCsv } from "csv-parse/sync";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { prefilledText } from "../src/services/draft/start-draft";
import { csvField, votesCsv } from "../src/services/export/csv";
import { recordBaseName, slugify } from "../src/services/export/file-name";
import { jsonExportHead } from "../src/services/export/json";
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

/**
 * The golden record as accepted from a draft left as pre-filled: its More Information holds the
 * members' reasons per option, quoted from the same votes the export's pros and cons read.
 */
function acceptedFromDraft() {
  const view = goldenView();
  const votes = view.votes ?? [];
  const loaded = {
    project: { options: view.options, criteria: view.criteria },
    members: [...new Map(votes.map((v) => [v.memberId, { id: v.memberId, name: v.member }]))].map(
      ([, m]) => m,
    ),
    votes: votes.map((v) => ({ ...v, voterId: v.memberId })),
  } as unknown as Parameters<typeof prefilledText>[0];
  const prefilled = prefilledText(loaded, "", "fastapi", false);
  if (!view.decision) throw new Error("the golden view has a decision");
  return goldenView({ decision: { ...view.decision, moreInformation: prefilled.moreInformation } });
}

const RULE = "Good for a score of 4 or more of 5, Bad for 2 or less, Neutral in between";

describe("pros and cons of a record accepted from a pre-filled draft", () => {
  it.each(["madr", "log4brains"] as const)(
    "%s: one section of pros and cons, every item saying the score that files it under the rule",
    (variant) => {
      const md = toMarkdown(acceptedFromDraft(), variant);
      // One section called pros and cons; the draft's is named for what it is.
      expect(md.split("\n").filter((l) => /^#+ .*pros and cons/i.test(l))).toEqual([
        "## Pros and Cons of the Options",
      ]);
      expect(md).toContain("\n### Members' reasons per option\n");
      const prosAndCons = md.slice(
        md.indexOf("## Pros and Cons of the Options"),
        md.indexOf("## More Information"),
      );
      expect(prosAndCons.split(RULE)).toHaveLength(2);
      // Every Good, Neutral and Bad below says its number, and the number gives that label.
      const items = md
        .slice(md.indexOf("## Pros and Cons of the Options"))
        .split("\n")
        .filter((l) => /^[*-] (Good|Neutral|Bad), because /.test(l));
      expect(items.length).toBeGreaterThan(10);
      for (const item of items) {
        const label = item.slice(2, item.indexOf(","));
        const score = Number([...item.matchAll(/(\d(?:\.\d)?) of 5/g)].at(-1)?.[1]);
        expect(Number.isNaN(score), item).toBe(false);
        expect(score >= 4 ? "Good" : score <= 2 ? "Bad" : "Neutral", item).toBe(label);
      }
      // The reasons read the same in both lists, in the same order for each option.
      const quoted = (text: string) =>
        text
          .split("\n")
          .filter((l) => /^[*-] \w+, because "/.test(l))
          .map((l) => l.slice(2));
      const more = md.slice(md.indexOf("### Members' reasons per option"));
      expect(quoted(more)).toEqual(quoted(prosAndCons));
    },
  );
});

describe("MADR export", () => {
  const md = toMarkdown(goldenView(), "madr");

  it("matches the golden file", async () => {
    await expect(md).toMatchFileSnapshot("golden/0007-madr.md.golden");
  });

  it("has front matter a YAML parser reads back, with MADR's fields, people as lists, no nulls", () => {
    const { yaml } = frontMatter(md);
    expect(yaml).toEqual({
      status: "accepted",
      date: "2026-11-21",
      "decision-makers": ["Ada", "CTO Office"],
      consulted: ["Grace"],
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
      '* Good, because "Pydantic models catch mistakes before review." (Ada on Type safety, scoring FastAPI 5 of 5)',
    );
    expect(md).toContain(
      '* Bad, because "Pydantic models catch mistakes before review." (Ada on Type safety, scoring Django REST Framework 2 of 5)',
    );
    expect(md).toContain("| Async \\| real time |");
    expect(md).toContain(
      "Participation when it was decided: 0 complete, 3 partial and 1 not started, of 4 members. Decided with 3 of 4 criteria counted, on 0 complete and 3 partial ballots of 4 members.",
    );
    // Nobody scored hosting cost: "not scored", never a neutral 3.0, and no confidence shown
    // for a decision that rested on a provisional result.
    expect(md).toContain("| Hosting cost | not scored | not scored | not scored |");
    expect(md).toContain("* Hosting cost: not scored yet\n");
    expect(md).not.toContain("3.0 | 3.0");
    expect(md).not.toMatch(/confidence \d+%/);
    expect(md).toContain("* Bad, because the team scores it 1.0 of 5 on Admin interface");
    expect(md).toContain("Supersedes [3. Flask for billing](0003-flask-for-billing.md)\n");
    // A link, not a bare URL (markdownlint MD034).
    expect(md).toContain(
      "[The decision project](https://tradeoff.example.com/t/billing/p/p1), with its votes",
    );
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

  it("words a lead smaller than one decimal shows as less than 0.1 points, never 0.0", () => {
    const base = goldenView();
    const result = base.result;
    if (!result) throw new Error("the golden view has a result");
    const close = toMarkdown(goldenView({ result: { ...result, margin: 0.03 } }), "nygard");
    expect(close).toContain("by less than 0.1 points");
    expect(close).not.toContain("by 0.0 points");
  });

  it("writes superseded by with links to the successors, one line each", () => {
    const md2 = toMarkdown(supersededTwice(), "madr");
    expect(frontMatter(md2).yaml.status).toBe(
      "superseded by [12. Go for billing](0012-go-for-billing.md), [14. Rust | Axum](0014-rust-axum.md)",
    );
    expect(md2).toContain(
      "Superseded by [12. Go for billing](0012-go-for-billing.md)\n\nSuperseded by [14. Rust | Axum](0014-rust-axum.md)\n",
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

/** The golden record, superseded first by project 12, later by project 14. */
const supersededTwice = () =>
  goldenView({
    project: { ...goldenView().project, status: "SUPERSEDED" },
    supersededBy: [
      { id: "p9", number: 12, title: "Go for billing", status: "DECIDED" },
      { id: "p10", number: 14, title: "Rust | Axum", status: "DECIDED" },
    ],
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

  it("log4brains: the Status names the latest superseder by its slug, the body lists all", () => {
    const md = toMarkdown(supersededTwice(), "log4brains");
    // log4brains reads the link's text as the superseder's slug (export-log4brains.test.ts).
    expect(md).toContain("- Status: superseded by [0014-rust-axum](0014-rust-axum.md)\n");
    expect(md).toContain("Superseded by [12. Go for billing](0012-go-for-billing.md)\n");
    expect(md).toContain("Superseded by [14. Rust | Axum](0014-rust-axum.md)\n");
  });

  it("Nygard: one Superseded by line per successor in the Status section, as adr-tools writes", () => {
    const md = toMarkdown(supersededTwice(), "nygard");
    const status = md.split("## Status\n\n")[1]?.split("\n\n## ")[0];
    expect(status).toBe(
      [
        "Superseded by [12. Go for billing](0012-go-for-billing.md)",
        "Superseded by [14. Rust | Axum](0014-rust-axum.md)",
        "Supersedes [3. Flask for billing](0003-flask-for-billing.md)",
      ].join("\n\n"),
    );
  });

  it("Nygard: the title as adr new writes it (no escaped pipe), a draft's notice outside Status", () => {
    const view = goldenView({ decision: null, draft: true });
    const md = toMarkdown(
      { ...view, project: { ...view.project, title: "Kafka | NATS for *events*" } },
      "nygard",
    );
    expect(md.split("\n")[0]).toBe("# 7. Kafka | NATS for \\*events\\*");
    const status = md.split("## Status\n\n")[1]?.split("\n\n## ")[0];
    expect(status).toBe("Proposed\n\nSupersedes [3. Flask for billing](0003-flask-for-billing.md)");
    // Voting closed without a record (the golden project is closed): proposed, with the day it
    // closed, never "voting is open".
    expect(md.indexOf("> **Proposed.** Voting closed on 2026-11-21")).toBeGreaterThan(0);
    expect(md.indexOf("> **Proposed.**")).toBeLessThan(md.indexOf("## Status"));
    const open = toMarkdown(
      { ...view, project: { ...view.project, status: "OPEN", closedAt: null } },
      "nygard",
    );
    expect(open.indexOf("> **Draft.**")).toBeGreaterThan(0);
    expect(open.indexOf("> **Draft.**")).toBeLessThan(open.indexOf("## Status"));
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
    // One sentence: the choice and its reason.
    expect(md).toContain(
      "We will use FastAPI, because it fits our typed, async services and the team scored it higher",
    );
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
    const csv = votesCsv(goldenView());
    // A byte order mark first, so spreadsheet programs read accents as UTF-8.
    expect(csv.startsWith("\ufeffmember,criterion,")).toBe(true);
    const rows = parseCsv(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "member",
      "criterion",
      "importance",
      "drf",
      "fastapi",
      "no_opinion",
      "rationale",
      "updated_at",
    ]);
    // Grace's explicit "no opinion" on admin is a row of its own, with no number in it.
    expect(rows.find((r) => r.member === "Grace" && r.criterion === "admin")).toMatchObject({
      importance: "",
      drf: "",
      fastapi: "",
      no_opinion: "true",
    });
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

const HISTORY = {
  events: 12,
  votes: 8,
  comments: 2,
  firstAt: "2026-11-02T09:00:00.000Z",
  lastAt: "2026-11-21T09:00:00.000Z",
};

describe("stored votes that could not be read", () => {
  /** The golden record, decided while `then` stored votes could not be read, `now` today. */
  const recordedWith = (then: number | undefined, now: number) => {
    const view = goldenView({ unreadableVotes: now });
    const decision = view.decision && {
      ...view.decision,
      coverage: view.decision.coverage && {
        ...view.decision.coverage,
        ...(then === undefined ? {} : { unreadableVotes: then }),
      },
    };
    return { ...view, decision };
  };
  const recorded = recordedWith(1, 1);
  const undecided = goldenView({
    unreadableVotes: 2,
    decision: null,
    draft: true,
    project: { ...goldenView().project, status: "OPEN" },
  });

  it.each(["madr", "log4brains", "nygard"] as const)(
    "%s: says how many the result leaves out, where it says what it rests on",
    (variant) => {
      expect(toMarkdown(recorded, variant)).toMatch(
        /Decided with [^\n]* When recorded, 1 vote could not be read and was left out\./,
      );
      expect(toMarkdown(undecided, variant)).toMatch(
        /based on [^\n]* 2 votes could not be read and are left out\./,
      );
      expect(toMarkdown(goldenView(), variant)).not.toContain("could not be read");
    },
  );

  it.each(["madr", "log4brains", "nygard"] as const)(
    "%s: says a recorded decision's count as of when it was recorded, today's as today's",
    (variant) => {
      expect(toMarkdown(recordedWith(0, 2), variant)).toMatch(
        /Decided with [^\n]* Every stored vote could be read when recorded\. 2 stored votes cannot be read now and are left out\./,
      );
      expect(toMarkdown(recordedWith(2, 0), variant)).toMatch(
        /Decided with [^\n]* When recorded, 2 votes could not be read and were left out\. Every stored vote can be read now\./,
      );
      // A record kept before the count was: today's only, never as the decision's.
      const older = toMarkdown(recordedWith(undefined, 1), variant);
      expect(older).toMatch(
        /Decided with [^\n]* 1 stored vote cannot be read now and is left out\./,
      );
      expect(older).not.toContain("when recorded.");
      expect(older).not.toContain("When recorded,");
    },
  );

  it("PDF and JSON: say it too", async () => {
    const pdf = await getDocumentProxy(await toPdf(recorded, HISTORY, "a4"));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text.replace(/\s+/g, " ")).toContain(
      "When recorded, 1 vote could not be read and was left out.",
    );
    expect(jsonExportHead(undecided).unreadableVotes).toBe(2);
    expect(jsonExportHead(recorded).decision?.coverage?.unreadableVotes).toBe(1);
  });
});

describe("PDF summary", () => {
  it("prints any title (characters outside the fonts become \uFFFD) and runs onto more pages when long", async () => {
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
    const pdf = await getDocumentProxy(await toPdf(view, HISTORY, "letter"));
    expect(pdf.numPages).toBeGreaterThan(1);
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain("Choix du cadre — 日本語 “API” \uFFFD");
    // The decision as one sentence, not a label and a loose lowercase paragraph.
    expect(text).toContain("We will use FastAPI, because it fits our typed, async services");
    expect(text).toContain("12 events from 2026-11-02 to 2026-11-21: 8 vote changes, 2 comments.");
  });

  it("names the criteria table's percentages a share of counted weight, as the record page does", async () => {
    // The number is each counted criterion's part of the counted criteria's weight, not a weight.
    for (const variant of ["madr", "log4brains"] as const) {
      const md = toMarkdown(goldenView(), variant);
      expect(md).toContain("| Criterion | Share of counted weight | Django REST Framework |");
      expect(md).not.toMatch(/\| Weight \|/);
    }
    const pdf = await getDocumentProxy(await toPdf(goldenView(), HISTORY, "a4"));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain("Share: each criterion's share of counted weight");
    expect(text).not.toMatch(/\bWeight\b/);
  });
});
