import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { aggregate } from "@tradeoff/scoring";
import { decisionWithVotes } from "@tradeoff/scoring/testing";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import { recordView, type StubCall, stubServer } from "./stub-server";

/** The terminal widths a reader may have: a split pane, a narrow window, a wide one. */
const WIDTHS = [40, 60, 120];

const lines = (text: string) => text.replace(/\n$/, "").split("\n");
const widest = (text: string) => Math.max(...lines(text).map((line) => stringWidth(line)));
/** `token` stands whole in `text`, between spaces or line ends: a number never cut. */
const whole = (text: string, token: string) =>
  new RegExp(`(^|\\s)${token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s|$)`, "m").test(text);

const decision = {
  title: "Which framework for the billing service's public API, and its admin screens?",
  ...decisionWithVotes({
    options: [
      { key: "drf", name: "Django REST Framework with the Django admin" },
      { key: "fastapi", name: "FastAPI" },
      { key: "nest", name: "NestJS with TypeORM" },
    ],
    criteria: {
      performance: "Performance under high concurrency",
      "admin-orm": "Admin interface, ORM and relational data",
      hiring: "采用 — hiring people who know it",
    },
    defaultWeight: { hiring: 2 },
    // Each member's importance of a criterion, then DRF, FastAPI and NestJS's scores.
    ballots: {
      ann: { performance: [5, 2, 5, 4] },
      bo: { performance: [3, 3, 4, 4], "admin-orm": [2, 5, 2, 3] },
      cy: { "admin-orm": [4, 4, 3, 2], hiring: [3, 4, 4, 3] },
    },
    members: ["ann", "bo", "cy"],
  }),
};

let file = "";
beforeAll(async () => {
  file = join(await mkdtemp(join(tmpdir(), "tradeoff-narrow-")), "decision.json");
  await writeFile(file, JSON.stringify(decision));
});

describe("tradeoff score in a narrow terminal", () => {
  const rec = aggregate(decision);
  const numbers = [
    ...rec.totals.map((t) => (t.score ?? 0).toFixed(1)),
    ...rec.criteria.flatMap((c) => [
      `${(c.weight * 100).toFixed(0)}%`,
      ...rec.totals.map((t) => (c.contributions[t.optionKey] ?? 0).toFixed(1)),
    ]),
  ];

  for (const width of WIDTHS) {
    it(`fits every line in ${width} columns and keeps every number whole`, async () => {
      const { code, stdout, stderr } = await runCli(["score", file], {
        env: { COLUMNS: String(width) },
      });
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(widest(stdout)).toBeLessThanOrEqual(width);
      for (const number of numbers) expect(whole(stdout, number), number).toBe(true);
      // Names are cut with an ellipsis, never dropped: each starts where it should.
      expect(stdout).toMatch(/^\s*1\s+FastAPI\s+\d/m);
      expect(stdout).toContain("Performance");
    });
  }

  it("at 120 columns shows every name whole, in one row per criterion", async () => {
    const { stdout } = await runCli(["score", file], { env: { COLUMNS: "120" } });
    for (const name of [...decision.options, ...decision.criteria].map((i) => i.name))
      expect(stdout).toContain(name);
    expect(stdout).toMatch(/^Criterion\s+Weight\s+drf\s+fastapi\s+nest\s+Disagreement/m);
  });

  it("keeps --json exactly as it is whatever the width", async () => {
    const wide = await runCli(["score", file, "--json"]);
    const narrow = await runCli(["score", file, "--json"], { env: { COLUMNS: "40" } });
    expect(narrow.stdout).toBe(wide.stdout);
    expect(JSON.parse(narrow.stdout)).toMatchObject({ winner: rec.winner });
  });
});

describe("tradeoff projects and show in a narrow terminal", () => {
  const team = { id: "cmteam", slug: "billing", name: "Billing" };
  const projects = [
    { id: "cm1", number: 1, title: "Which queue for background jobs and billing events?" },
    { id: "cm12", number: 12, title: "数据库 — which database for the reporting service?" },
    { id: "cm7", number: 7, title: "CDN" },
  ].map((p) => ({ ...p, status: "OPEN", recordStatus: "proposed" }));
  const answer = ({ procedure }: StubCall) => {
    if (procedure === "team.list") return { data: [team] };
    if (procedure === "project.list")
      return { data: { items: projects, nextCursor: null, total: projects.length } };
    return {
      data: {
        view: recordView(
          { id: "cm1", number: 1, title: projects[0]?.title ?? "", status: "OPEN" },
          { decision: null, draft: true },
        ),
      },
    };
  };
  let stub: Awaited<ReturnType<typeof stubServer>>;
  let env: Record<string, string>;
  beforeAll(async () => {
    stub = await stubServer(answer);
    env = stub.env(await mkdtemp(join(tmpdir(), "tradeoff-narrow-")));
  });
  afterAll(() => stub.close());

  for (const width of WIDTHS) {
    it(`lists projects in ${width} columns: references and statuses whole, titles cut to fit`, async () => {
      const listed = await runCli(["projects"], { env: { ...env, COLUMNS: String(width) } });
      expect(listed.stderr).toBe("");
      expect(widest(listed.stdout)).toBeLessThanOrEqual(width);
      for (const ref of ["billing/1", "billing/12", "billing/7"])
        expect(whole(listed.stdout, ref), ref).toBe(true);
      expect(listed.stdout).toMatch(/^billing\/7\s+open\s+CDN$/m);
      if (width < 60) expect(listed.stdout).toContain("…");
      if (width >= 120) for (const p of projects) expect(listed.stdout).toContain(p.title);

      const shown = await runCli(["show", "billing/1"], {
        env: { ...env, COLUMNS: String(width) },
      });
      expect(shown.stderr).toBe("");
      expect(widest(shown.stdout)).toBeLessThanOrEqual(width);
    });
  }

  it("keeps titles whole in --json, and in a pipe that gives no width", async () => {
    const json = await runCli(["projects", "--json"], { env: { ...env, COLUMNS: "40" } });
    expect((JSON.parse(json.stdout) as { title: string }[]).map((p) => p.title)).toEqual(
      projects.map((p) => p.title),
    );
    const piped = await runCli(["projects"], { env: { ...env, COLUMNS: undefined } });
    for (const p of projects) expect(piped.stdout).toContain(p.title);
  });
});

describe("tradeoff template --list in a narrow terminal", () => {
  for (const width of WIDTHS) {
    it(`fits ${width} columns and names every template whole`, async () => {
      const { stdout } = await runCli(["template", "--list"], {
        env: { COLUMNS: String(width) },
      });
      expect(widest(stdout)).toBeLessThanOrEqual(width);
      expect(whole(stdout, "monorepo-vs-polyrepo")).toBe(true);
      expect(whole(stdout, "drf-vs-fastapi")).toBe(true);
    });
  }
});
