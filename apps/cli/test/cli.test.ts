import { execFile, spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  aggregate,
  type DecisionInput,
  flipText,
  roundToTotal,
  validateDecisionInput,
} from "@tradeoff/scoring";
import { decisionWithVotes } from "@tradeoff/scoring/testing";
import { builtInTemplates } from "@tradeoff/templates";
import { beforeAll, describe, expect, it } from "vitest";
import { type CliResult, cliRoot, repoRoot, runCli } from "./run-cli";

let dir = "";
const file = (name: string) => join(dir, name);

/** `tradeoff score` of the file `name`, as a table and as Markdown, says `line` and no figure. */
async function expectNoConfidenceFigure(name: string, line: string) {
  for (const format of ["table", "markdown"]) {
    const { code, stdout } = await runCli(["score", file(name), "--format", format]);
    expect(code, format).toBe(0);
    expect(stdout, format).not.toMatch(/Confidence: \d/);
    expect(stdout, format).toContain(line);
  }
}

/** A small team decision on the built-in template's options. */
const decision = {
  title: "Billing service API",
  ...decisionWithVotes({
    options: [
      { key: "drf", name: "Django REST Framework" },
      { key: "fastapi", name: "FastAPI" },
    ],
    criteria: {
      performance: "Performance under high concurrency",
      "admin-orm": "Admin interface, ORM and relational data",
    },
    ballots: {
      ann: { performance: [5, 2, 5] },
      bo: { performance: [3, 3, 4], "admin-orm": [2, 5, 2] },
      cy: { "admin-orm": [4, 4, 3] },
    },
    members: ["ann", "bo", "cy", "dee"],
    quorum: 3,
  }),
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tradeoff-cli-"));
  await writeFile(file("decision.json"), JSON.stringify(decision));
  await writeFile(file("broken.json"), '{ "options": [');
  const bad = structuredClone(decision);
  bad.votes[0] = {
    voterId: "ann",
    criterionKey: "performance",
    weight: 5,
    scores: { drf: 7, fastapi: 5 },
  };
  bad.votes[1] = { voterId: "bo", criterionKey: "speed", weight: 3, scores: { drf: 3 } };
  await writeFile(file("bad-votes.json"), JSON.stringify(bad));
});

describe("tradeoff score", () => {
  it("prints a readable table: totals, winner, margin, confidence, contributions, flip points", async () => {
    const { code, stdout, stderr } = await runCli(["score", file("decision.json")]);
    const rec = aggregate(decision);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(rec.winner).toBe("fastapi");
    expect(stdout).toContain("Billing service API");
    expect(stdout).toMatch(/1\s+FastAPI\s+/);
    expect(stdout).toContain(`Winner: FastAPI by ${rec.margin.toFixed(1)} points.`);
    expect(stdout).toContain(`Confidence: ${((rec.confidence ?? 0) * 100).toFixed(0)}%`);
    // bo scored every option on both criteria; ann and cy part of them; dee nothing.
    expect(stdout).toContain(
      "Provisional: based on 2 of 2 criteria (100% of the weight) and 1 of 4 complete ballots (quorum 3: not met).",
    );
    expect(stdout).toContain("Ballots: 1 complete, 2 partial, 1 not started, of 4 members.");
    // FastAPI's points per criterion, rounded to add up to its total as the ranking shows it.
    const fastapi = roundToTotal(
      rec.criteria.map((c) => c.contributions.fastapi ?? 0),
      1,
      rec.totals.find((t) => t.optionKey === "fastapi")?.score ?? 0,
    );
    for (const [i, criterion] of rec.criteria.entries()) {
      const name = decision.criteria.find((c) => c.key === criterion.key)?.name ?? "";
      const flip =
        criterion.flipAt === null ? "-" : flipText(criterion.flipAt, criterion.importance);
      const contribution = (fastapi[i] ?? 0).toFixed(1);
      expect(stdout).toMatch(
        new RegExp(`${name}\\s+\\d+%.*\\s${contribution}\\s.*${flip.replace(/[.()]/g, "\\$&")}`),
      );
    }
  });

  it("prints the coverage line and marks a criterion nobody scored, never with a number", async () => {
    const withDocs = {
      ...decision,
      criteria: [...decision.criteria, { key: "docs", name: "Documentation", defaultWeight: 4 }],
    };
    await writeFile(file("with-docs.json"), JSON.stringify(withDocs));
    const { code, stdout } = await runCli(["score", file("with-docs.json")]);
    expect(code).toBe(0);
    // Weight share: the counted criteria's team importances (4 and 3) over all (4 + 3 + 4).
    expect(stdout).toContain(
      "Provisional: based on 2 of 3 criteria (63% of the weight) and 0 of 4 complete ballots (quorum 3: not met).",
    );
    // Nobody voted there: no disagreement figure either, only "-".
    expect(stdout).toMatch(/Documentation\s+not scored\s+-\s+-\s+-\s+-\n/);
    expect(stdout).toContain("Documentation: not scored yet\n");
    // The totals are those of the two counted criteria alone.
    const rec = aggregate(decision);
    expect(stdout).toContain(`Winner: FastAPI by ${rec.margin.toFixed(1)} points.`);
    const md = await runCli(["score", file("with-docs.json"), "--format", "markdown"]);
    expect(md.stdout).toContain("| Documentation | not scored | - | - | - | - |");
  });

  it("gives no confidence figure while one member's votes are all it rests on", async () => {
    const alone = { ...decision, votes: decision.votes.slice(0, 1) };
    await writeFile(file("alone.json"), JSON.stringify(alone));
    // Resampling one voter always finds the same winner: 100% would say nothing but look sure.
    expect(aggregate(alone).confidenceVoters).toBe(1);
    await expectNoConfidenceFigure(
      "alone.json",
      "Confidence: none yet (the counted criteria rest on 1 voter; it takes 2 to resample).",
    );
    // Two voters on the counted criterion: a figure again.
    const two = { ...decision, votes: decision.votes.slice(0, 2) };
    await writeFile(file("two.json"), JSON.stringify(two));
    const { stdout } = await runCli(["score", file("two.json")]);
    expect(stdout).toContain(`Confidence: ${((aggregate(two).confidence ?? 0) * 100).toFixed(0)}%`);
  });

  it("gives no confidence figure while each counted criterion rests on one voter", async () => {
    // ann scored only performance, cy only admin-orm: two voters, one behind each criterion.
    const split = { ...decision, votes: [decision.votes[0], decision.votes[3]] };
    await writeFile(file("split.json"), JSON.stringify(split));
    expect(aggregate(split as DecisionInput).confidenceVoters).toBe(2);
    await expectNoConfidenceFigure(
      "split.json",
      "Confidence: none yet (each counted criterion rests on one voter; it takes 2 on each to resample).",
    );
  });

  it("words a lead below display precision as less than 0.1 points, and gives a tie no confidence", async () => {
    // Seven voters, three criteria: B leads by a few hundredths of a point.
    const close: DecisionInput = {
      options: [
        { key: "a", name: "A" },
        { key: "b", name: "B" },
      ],
      criteria: ["c1", "c2", "c3"].map((key) => ({ key, defaultWeight: 3 })),
      votes: [
        ["v1", [5, 1, 2], [4, 1, 3], [5, 4, 5]],
        ["v2", [5, 5, 4], [1, 5, 2], [5, 3, 1]],
        ["v3", [5, 1, 3], [5, 1, 2], [2, 1, 4]],
        ["v4", [3, 5, 2], [1, 5, 3], [2, 5, 4]],
        ["v5", [4, 1, 3], [5, 5, 1], [4, 5, 5]],
        ["v6", [5, 4, 3], [5, 4, 2], [4, 3, 5]],
        ["v7", [4, 2, 3], [3, 4, 4], [5, 1, 4]],
      ].flatMap(([voterId, ...rows]) =>
        (rows as number[][]).map(([weight, a, b], i) => ({
          voterId: voterId as string,
          criterionKey: `c${i + 1}`,
          weight: weight ?? null,
          scores: { a: a ?? null, b: b ?? null },
        })),
      ),
    };
    const rec = aggregate(close);
    expect(rec.winner).toBe("b");
    expect(rec.margin).toBeLessThan(0.05);
    await writeFile(file("close.json"), JSON.stringify(close));
    const scored = await runCli(["score", file("close.json")]);
    expect(scored.stdout).toContain("Winner: B by less than 0.1 points.");
    expect(scored.stdout).not.toContain("0.0 points");

    // Two members rank the options in opposite order: a Borda tie, with no winner to be sure of.
    const tie: DecisionInput = {
      options: [
        { key: "a", name: "A" },
        { key: "b", name: "B" },
      ],
      criteria: [{ key: "c1", defaultWeight: 3 }],
      votes: [
        { voterId: "v1", criterionKey: "c1", weight: 3, scores: { a: 5, b: 1 } },
        { voterId: "v2", criterionKey: "c1", weight: 3, scores: { a: 1, b: 5 } },
      ],
    };
    await writeFile(file("tie.json"), JSON.stringify(tie));
    const tied = await runCli(["score", file("tie.json"), "--method", "borda"]);
    expect(tied.stdout).toContain("No winner: the top options are tied.");
    expect(tied.stdout).not.toMatch(/Confidence: \d/);
    expect(tied.stdout).toContain(
      "Confidence: none (there is no single winner to be confident in).",
    );
  });

  it("blames a tie, not the importances, when every option scores 1 everywhere", async () => {
    // Every total is 0 because every score is the lowest, not because the importances are 0.
    const ones = decisionWithVotes({
      criteria: { perf: "Performance", eco: "Ecosystem" },
      ballots: {
        ana: { perf: [4, 1, 1], eco: [3, 1, 1] },
        ben: { perf: [2, 1, 1], eco: [2, 1, 1] },
      },
    });
    await writeFile(file("ones.json"), JSON.stringify(ones));
    const scored = await runCli(["score", file("ones.json")]);
    expect(scored.stdout).toContain("No winner: the top options are tied.");
    expect(scored.stdout).not.toContain("every importance is 0");

    // Importances of 0 on every counted criterion: that, and only that, leaves nothing to weigh.
    const zero = {
      ...ones,
      votes: ones.votes.map((v) => ({ ...v, weight: 0, scores: { drf: 5, fastapi: 2 } })),
    };
    await writeFile(file("zero.json"), JSON.stringify(zero));
    const weighed = await runCli(["score", file("zero.json")]);
    expect(weighed.stdout).toContain(
      "No winner: every importance is 0, there is nothing to weigh.",
    );
  });

  it("counts a team of one as one member, in every format", async () => {
    const solo = { ...decision, votes: decision.votes.slice(0, 1), members: ["ann"], quorum: 1 };
    await writeFile(file("solo.json"), JSON.stringify(solo));
    for (const format of ["table", "markdown"]) {
      const { stdout } = await runCli(["score", file("solo.json"), "--format", format]);
      expect(stdout, format).toContain(
        "Ballots: 0 complete, 1 partial, 0 not started, of 1 member.",
      );
    }
  });

  it("takes --json, as every server command does, for --format json", async () => {
    const asFormat = await runCli(["score", file("decision.json"), "--format", "json"]);
    const json = await runCli(["score", file("decision.json"), "--json"]);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe(asFormat.stdout);
    const both = await runCli(["score", file("decision.json"), "--json", "--format", "table"]);
    expect(both.code).toBe(2);
    expect(JSON.parse(both.stderr).error.message).toMatch(/cannot be used with option/);
  });

  it("prints JSON for scripts: exactly what the scoring package computes", async () => {
    const { code, stdout } = await runCli(["score", file("decision.json"), "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(aggregate(decision))));
  });

  it("honours --method and --seed", async () => {
    const { stdout } = await runCli([
      "score",
      file("decision.json"),
      "-f",
      "json",
      "--method",
      "median",
      "--seed",
      "42",
    ]);
    const printed = JSON.parse(stdout);
    expect(printed.method).toBe("median");
    expect(printed).toEqual(
      JSON.parse(JSON.stringify(aggregate(decision, { method: "median", seed: 42 }))),
    );
  });

  it("prints markdown tables ready to paste", async () => {
    const { code, stdout } = await runCli([
      "score",
      file("decision.json"),
      "--format",
      "markdown",
      "--method",
      "borda",
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^## Recommendation: Billing service API\n/);
    expect(stdout).toContain("| Rank | Option | Score |");
    // The Borda count credits no weight, points or flip point to a criterion: the team's mean
    // scores are there for reading.
    expect(stdout).toContain("| Criterion | Django REST Framework | FastAPI | Disagreement |");
    expect(stdout).toContain("Method: Borda count.");
  });

  it("keeps the table's columns aligned with wide titles (CJK, emoji)", async () => {
    const wide = decisionWithVotes({
      options: [
        { key: "pg", name: "数据库 PostgreSQL" },
        { key: "mongo", name: "🍃 Mongo" },
        { key: "sqlite", name: "SQLite" },
      ],
      criteria: { perf: "性能 🚀", ops: "運用コスト", docs: "Docs" },
      defaultWeight: { perf: 3, ops: 2, docs: 1 },
      ballots: { ann: { perf: [3, 5, 3, 2], ops: [3, 4, 3, 3], docs: [3, 3, 3, 4] } },
    });
    const { code, stdout } = await runCli(["score", "-"], { stdin: JSON.stringify(wide) });
    expect(code).toBe(0);
    // A wide character takes two columns of a terminal; an emoji too.
    const columnsOf = (text: string) =>
      [...text].reduce((n, c) => n + (/[\u3000-\u9fff\u{1f300}-\u{1faff}]/u.test(c) ? 2 : 1), 0);
    const block = (first: string) => {
      const lines = stdout.split("\n");
      const start = lines.findIndex((l) => l.startsWith(first));
      return lines.slice(start, lines.indexOf("", start));
    };
    // Each right-aligned last column ends where its header and rule end.
    for (const lines of [block("Rank"), block("Criterion")]) {
      expect(lines.length).toBeGreaterThan(3);
      expect(new Set(lines.map(columnsOf)).size).toBe(1);
    }
  });

  it("reads the decision from standard input with -", async () => {
    const { code, stdout } = await runCli(["score", "-", "--format", "json"], {
      stdin: JSON.stringify(decision),
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).winner).toBe("fastapi");
  });
});

describe("tradeoff template", () => {
  it("prints the DRF vs FastAPI template as a decision file that score accepts back", async () => {
    const { code, stdout } = await runCli(["template", "drf-vs-fastapi"]);
    expect(code).toBe(0);
    const template = JSON.parse(stdout);
    expect(() => validateDecisionInput(template)).not.toThrow();
    expect(template.options.map((o: { key: string }) => o.key)).toEqual(["drf", "fastapi"]);
    expect(template.criteria).toHaveLength(13);
    expect(template.criteria[0].guidance.drf.summary).toEqual(expect.any(String));
    expect(template.votes).toEqual([]);

    template.votes = [
      { voterId: "ann", criterionKey: "async-realtime", weight: 5, scores: { drf: 2, fastapi: 5 } },
    ];
    await writeFile(file("filled.json"), JSON.stringify(template));
    const scored = await runCli(["score", file("filled.json"), "--format", "json"]);
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.stdout).winner).toBe("fastapi");
  });

  it("starts from the weights the context answers suggest, with a reason per change", async () => {
    const { code, stdout } = await runCli([
      "template",
      "drf-vs-fastapi",
      "--answer",
      "needs-realtime=yes",
      "-a",
      "existing-django-codebase=no",
    ]);
    expect(code).toBe(0);
    const filled = JSON.parse(stdout);
    const weightOf = (key: string) =>
      filled.criteria.find((c: { key: string }) => c.key === key).defaultWeight;
    expect(weightOf("async-realtime")).toBe(5);
    expect(weightOf("django-codebase-fit")).toBe(0);
    expect(filled.weightChanges).toContainEqual({
      criterionKey: "async-realtime",
      questionKey: "needs-realtime",
      answer: true,
      from: 2,
      to: 5,
      reason: "Real-time features and WebSockets need async support.",
    });
    await writeFile(file("answered.json"), stdout);
    const scored = await runCli(["score", file("answered.json")]);
    expect(scored.code).toBe(0);
    expect(scored.stdout).toContain("No winner yet: no criterion has a score for every option.");
    expect(scored.stdout).not.toMatch(/\b50\.0\b/);
    expect(scored.stdout).toContain("Confidence: none yet (nothing is counted).");
  });

  it("warns about contradictory answers on stderr and still writes the template with the weights", async () => {
    const { code, stdout, stderr } = await runCli([
      "template",
      "drf-vs-fastapi",
      "-a",
      "existing-django-codebase=yes",
      "-a",
      "greenfield=yes",
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain(
      "warning: “Must the API live inside an existing Django codebase?” (Yes) and “Is this a greenfield system with no legacy code to integrate?” (Yes) contradict each other",
    );
    expect(JSON.parse(stdout).weightChanges.length).toBeGreaterThan(0);
    const consistent = await runCli(["template", "drf-vs-fastapi", "-a", "greenfield=yes"]);
    expect(consistent.stderr).not.toContain("contradict");
  });

  // Each says what was wrong and what would be right (the known questions, templates).
  it.each([
    {
      what: "an unknown context question",
      args: ["template", "drf-vs-fastapi", "-a", "uses-rails=yes"],
      says: ['has no context question "uses-rails"', "team-knows-django"],
    },
    {
      what: "an unknown template",
      args: ["template", "rails-vs-django"],
      says: ['no built-in template "rails-vs-django"', "drf-vs-fastapi"],
    },
    {
      what: "a missing name",
      args: ["template"],
      says: ["name a template", "postgres-vs-mongodb"],
    },
  ])("rejects $what as a usage error, exit 2", async ({ args, says }) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    for (const text of says) expect(stderr).toContain(text);
  });

  it("--list lists every built-in template, the same set the web app offers, each one printable", async () => {
    const { code, stdout, stderr } = await runCli(["template", "--list"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const lines = stdout.trim().split("\n");
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(builtInTemplates.map((t) => t.key));
    expect(lines[0]).toMatch(
      /^drf-vs-fastapi\s+2 options, 13 criteria\s+Django REST Framework or FastAPI\?$/,
    );
    for (const template of builtInTemplates) {
      const printed = await runCli(["template", template.key]);
      expect(printed.code, template.key).toBe(0);
      expect(() => validateDecisionInput(JSON.parse(printed.stdout))).not.toThrow();
    }
  });
});

describe("bad input: every problem with its path on stderr, exit 1, nothing else", () => {
  it("an unreadable file", async () => {
    const missing = file("missing.json");
    expect(await runCli(["score", missing])).toEqual({
      code: 1,
      stdout: "",
      stderr: `${missing}: cannot read the file (no such file)\n`,
    });
  });

  it("a file that starts with a byte order mark (Windows Notepad) reads as the same decision", async () => {
    await writeFile(file("bom.json"), `\uFEFF${JSON.stringify(decision)}`);
    const plain = await runCli(["score", file("decision.json")]);
    const bom = await runCli(["score", file("bom.json")]);
    expect(bom.stderr).toBe("");
    expect(bom.code).toBe(0);
    expect(bom.stdout).toBe(plain.stdout);
  });

  it("invalid JSON", async () => {
    const { code, stdout, stderr } = await runCli(["score", file("broken.json")]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^.*broken\.json: not valid JSON \(.+\)\n$/);
  });

  it("a score of 7 and an unknown criterion, one line each", async () => {
    expect(await runCli(["score", file("bad-votes.json")])).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "votes[0].scores.drf: must be null or a number from 1 to 5, got 7\n" +
        'votes[1].criterionKey: unknown criterion "speed"\n',
    });
  });

  it("a decision record exported from a server, named as such, with what reads it", async () => {
    const exported = {
      format: "tradeoff.decision-record",
      version: 1,
      options: decision.options,
      criteria: decision.criteria,
      votes: [{ member: "Ann", criterionKey: "performance", weight: 5, scores: { drf: 2 } }],
      result: { winner: null },
    };
    const { code, stdout, stderr } = await runCli(["score", "-"], {
      stdin: JSON.stringify(exported),
    });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      'stdin: this is a decision record exported from a server (tradeoff export --format json), not a decision file. Its recommendation is in the file under "result"; `tradeoff show TEAM/NUMBER` prints it as a table, and `tradeoff import` brings the record into a team.\n',
    );
  });

  it("a title that is not text, said with the other problems", async () => {
    const numbered = { ...decision, title: 12, votes: [{ ...decision.votes[0], weight: 9 }] };
    expect(await runCli(["score", "-"], { stdin: JSON.stringify(numbered) })).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "title: must be text (a string) or left out, got 12\n" +
        "votes[0].weight: must be null or a number from 0 to 5, got 9\n",
    });
    const alone = await runCli(["score", "-"], {
      stdin: JSON.stringify({ ...decision, title: ["A", "B"] }),
    });
    expect(alone).toEqual({
      code: 1,
      stdout: "",
      stderr: 'title: must be text (a string) or left out, got ["A","B"]\n',
    });
  });

  it("invalid JSON on standard input", async () => {
    const { code, stderr } = await runCli(["score", "-"], { stdin: "not json" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^stdin: not valid JSON/);
  });
});

describe("usage", () => {
  // Fifteen runs of the binary, each a new Node process: started together, and given the time
  // they take on a busy two-core machine.
  it("fills each command's description to the help's width: no word alone on a line", async () => {
    const commands = ["score", "template", "login", "projects", "show", "export", "vote"];
    commands.push("import", "open", "close", "decide", "revise", "supersede", "share", "tag");
    const helps = await Promise.all(commands.map((command) => runCli([command, "--help"])));
    for (const [i, command] of commands.entries()) {
      const { code, stdout } = helps[i] as CliResult;
      expect(code, command).toBe(0);
      // The description: after the usage line, up to the first section (Arguments:, Options:).
      const description = stdout
        .split("\n\n")
        .slice(1)
        .join("\n\n")
        .split(/\n\n[A-Z][a-z]+:\n/)[0];
      for (const paragraph of (description ?? "").split("\n\n")) {
        const lines = paragraph.split("\n");
        for (const line of lines.slice(0, -1)) {
          expect(line.length, `${command}: ${JSON.stringify(paragraph)}`).toBeGreaterThan(60);
          expect(line.length, `${command}: ${line}`).toBeLessThanOrEqual(80);
        }
      }
    }
  }, 90_000);

  it("--help works on the program and on every command, exit 0", async () => {
    const top = await runCli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("score [options] <file>");
    expect(top.stdout).toContain("template [options] [name]");
    // The description's lines fit the 80 columns help wraps at: no word left alone on a line.
    expect(top.stdout).toContain("or work with a\nTradeoff server (login, projects,");
    expect(top.stdout).not.toMatch(/^Tradeoff$/m);
    const score = await runCli(["score", "--help"]);
    expect(score.code).toBe(0);
    expect(score.stdout).toContain("--method <method>");
    expect(score.stdout).toContain("Exit codes: 0 ok, 1 bad input");
    const template = await runCli(["template", "--help"]);
    expect(template.code).toBe(0);
    expect(template.stdout).toContain("drf-vs-fastapi");
  });

  it("stops quietly when its reader closes the pipe first (| head), without a stack trace", async () => {
    const child = spawn(
      process.execPath,
      [join(cliRoot, "bin", "tradeoff.js"), "template", "--list"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    // The reader is gone before the first line is written.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((closed) => child.on("close", closed));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it.each([
    [["score", "decision.json", "--method", "plurality"], "argument 'plurality' is invalid"],
    [["score", "decision.json", "--format", "xml"], "argument 'xml' is invalid"],
    [["score", "decision.json", "--seed", "abc"], "the seed must be a whole number"],
    [["score"], "missing required argument 'file'"],
    [["publish"], "unknown command 'publish'"],
    [[], "Usage: tradeoff"],
  ])("tradeoff %j exits 2 and explains", async (args, message) => {
    const { code, stdout, stderr } = await runCli(args, { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
  });

  it("npx tradeoff works from the workspace root without a build", async () => {
    const { stdout } = await promisify(execFile)("npx", ["--no", "tradeoff", "--version"], {
      cwd: repoRoot,
    });
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
