import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./helpers";
import {
  allPreferSqs,
  at,
  blankInput,
  castOnBothCriteria,
  castVote,
  exportedText,
  openProject,
  teamWith,
} from "./project-fixtures";

const t = useTestDatabase();

type Api = ReturnType<typeof t.callerAs>;
const TEXT_FORMATS = ["madr", "log4brains", "nygard", "pdf"] as const;

/** Every text format of the project's record, whitespace folded (the PDF's text as extracted). */
async function texts(api: Api, projectId: string) {
  const out: Record<string, string> = {};
  for (const format of TEXT_FORMATS) out[format] = await exportedText(api, projectId, format);
  return out;
}

const json = async (api: Api, projectId: string) =>
  JSON.parse((await api.export.file({ projectId, format: "json" })).content);

const decide = (api: Api, projectId: string, chosenOptionKey: string) =>
  api.record.decide({
    projectId,
    chosenOptionKey,
    rationale: "we already run it.",
    consequences: { good: [], neutral: [], bad: [] },
    decisionMakers: [{ name: "Ada" }],
    confirmProvisional: true,
  });

/** A blind vote two members finished, both scoring SQS above Kafka on every criterion. */
async function blindVoteSqsLeads() {
  const s = await teamWith(t, ["MEMBER", "MEMBER"]);
  const id = await openProject(s.owner, blankInput(s.team.id, { votingMode: "BLIND" }));
  await allPreferSqs([at(s.people, 1), at(s.people, 2)], id);
  return { s, id };
}

describe("exports say what a result rests on and invent nothing", () => {
  it("a reason given during a blind vote whose choice turned out to be the recommendation shows in every format, labelled", async () => {
    const { s, id } = await blindVoteSqsLeads();
    // The recommendation was hidden: the reason is kept as typed, though SQS turns out to lead.
    await s.owner.api.record.decide({
      projectId: id,
      chosenOptionKey: "sqs",
      justification: "nobody wants to run brokers.",
      rationale: "it is managed.",
      consequences: { good: [], neutral: [], bad: [] },
      confirmProvisional: true,
    });
    const files = await texts(s.owner.api, id);
    const kept =
      "Reason given while the vote was blind, before the recommendation was known (the chosen option turned out to be the team's recommendation): nobody wants to run brokers.";
    for (const format of TEXT_FORMATS) {
      expect(files[format], format).toContain(kept);
      expect(files[format], format).not.toContain("chose otherwise");
    }
    expect((await json(s.owner.api, id)).decision).toMatchObject({
      chosenOptionKey: "sqs",
      recommendedKey: "sqs",
      justification: "nobody wants to run brokers.",
    });
  });

  it("a blind vote recorded against its hidden recommendation says so, and why no reason is on record", async () => {
    const { s, id } = await blindVoteSqsLeads();
    // Nobody could see that SQS led, so Kafka is recorded without a reason.
    await decide(s.owner.api, id, "kafka");
    const files = await texts(s.owner.api, id);
    const why =
      "with no reason on record: the vote was blind, so the recommendation was not known when the decision was recorded.";
    expect(files.madr).toContain(
      `The team's recommendation was "SQS"; the team chose otherwise ${why}`,
    );
    expect(files.log4brains).toContain(
      `The team's recommendation was "SQS"; the team chose otherwise ${why}`,
    );
    expect(files.nygard).toContain(`The team's recommendation was SQS; we chose otherwise ${why}`);
    expect(files.pdf).toContain(`The recommendation was SQS; chosen otherwise ${why}`);
    expect((await json(s.owner.api, id)).decision).toMatchObject({
      chosenOptionKey: "kafka",
      recommendedKey: "sqs",
      justification: null,
    });
  });

  it("a tie names no winner, no confidence and no importance that would change a recommendation", async () => {
    const s = await teamWith(t, ["MEMBER"]);
    const id = await openProject(s.owner, blankInput(s.team.id));
    for (const [i, voter] of [at(s.people, 0), at(s.people, 1)].entries()) {
      const scores = i === 0 ? { kafka: 5, sqs: 1 } : { kafka: 1, sqs: 5 };
      await castOnBothCriteria(voter, id, { weight: 3, scores });
    }
    for (const stage of ["open", "decided"] as const) {
      if (stage === "decided") await decide(s.owner.api, id, "kafka");
      const files = await texts(s.owner.api, id);
      for (const [format, text] of Object.entries(files)) {
        expect(text, `${stage} ${format}`).toContain(
          "The team's votes end in a tie: there is no recommendation.",
        );
        expect(text, `${stage} ${format}`).not.toMatch(/recommends|confidence/i);
        // A tie recommends nothing: no format names "none" as if it were an option.
        expect(text, `${stage} ${format}`).not.toMatch(/Recommended[^.]*: none/);
      }
      if (stage === "open") expect(files.pdf).toContain("No option is chosen yet.");
      // Both options score alike (3.0) on each criterion: no importance breaks the tie.
      for (const format of ["madr", "log4brains"] as const) {
        expect(files[format], `${stage} ${format}`).toContain(
          "Sensitivity: the top options tie, and no single criterion's importance, moved a little either way, breaks the tie.",
        );
        expect(files[format]).not.toContain("changes the recommendation");
      }
      const doc = await json(s.owner.api, id);
      expect(doc.result).toMatchObject({ winner: null, confidence: null });
    }
  });

  it("a ready result whose counted criteria each rest on one voter says why it has no confidence", async () => {
    const s = await teamWith(t, ["MEMBER"]);
    const id = await openProject(s.owner, blankInput(s.team.id));
    // Each member scores one criterion and marks the other "no opinion": both ballots are
    // complete, every criterion is counted, but each rests on one person.
    const [first, second] = [at(s.people, 0), at(s.people, 1)];
    await castVote(first, id, "ops", { weight: 4, scores: { kafka: 2, sqs: 5 } });
    await castVote(first, id, "ordering", { weight: null, scores: {}, noOpinion: true });
    await castVote(second, id, "ordering", { weight: 3, scores: { kafka: 3, sqs: 4 } });
    await castVote(second, id, "ops", { weight: null, scores: {}, noOpinion: true });
    await decide(s.owner.api, id, "sqs");
    const files = await texts(s.owner.api, id);
    for (const [format, text] of Object.entries(files)) {
      expect(text, format).toContain(
        "confidence none yet (each counted criterion rests on one voter; it takes 2 on each to resample).",
      );
      expect(text, format).not.toMatch(/confidence \d/i);
    }
    const doc = await json(s.owner.api, id);
    expect(doc.result).toMatchObject({ winner: "sqs", confidence: null });
  });

  it("with one criterion counted, the sensitivity says no importance can change the winner yet", async () => {
    const s = await teamWith(t, ["MEMBER"]);
    const id = await openProject(s.owner, blankInput(s.team.id));
    await castVote(at(s.people, 0), id, "ops", { weight: 4, scores: { kafka: 2, sqs: 5 } });
    await castVote(at(s.people, 1), id, "ops", { weight: 3, scores: { kafka: 3, sqs: 4 } });
    for (const stage of ["open", "decided"] as const) {
      if (stage === "decided") await decide(s.owner.api, id, "sqs");
      const files = await texts(s.owner.api, id);
      for (const format of ["madr", "log4brains"] as const) {
        expect(files[format], `${stage} ${format}`).toContain(
          "Sensitivity: Only 1 criterion is counted, so no importance can change the winner yet; the 1 not yet scored can.",
        );
        expect(files[format]).not.toContain("changes the recommendation");
      }
    }
  });

  it("a decision with no votes shows no total, confidence or sensitivity as if someone had voted", async () => {
    const s = await teamWith(t, ["MEMBER"]);
    const id = await openProject(s.owner, blankInput(s.team.id));
    await decide(s.owner.api, id, "kafka");
    const files = await texts(s.owner.api, id);
    for (const [format, text] of Object.entries(files)) {
      expect(text, format).toContain(
        "No criterion has a score for every option yet: there is no recommendation.",
      );
      expect(text, format).not.toMatch(/confidence|recommends|0\.0 points/i);
    }
    expect(files.madr).toContain("| **Total (0 to 100)** | | not scored | not scored |");
    // Nobody gave an importance: the default weight stands in, and says it is one.
    expect(files.madr).toContain(
      "* Operational cost (not scored yet, default weight 3, nobody gave an importance)",
    );
    expect(files.madr).not.toMatch(/importance \d\.\d of 5/);
    expect(files.madr).toContain(
      "Sensitivity: there is no recommendation, so no importance can change it.",
    );
    expect(files.madr).toContain(
      "Participation when it was decided: 0 complete, 0 partial and 2 not started, of 2 members.",
    );
    for (const [format, text] of Object.entries(files))
      expect(text, format).toContain(
        "Decided with 0 of 2 criteria counted, on 0 complete ballots of 2 members. It was provisional when recorded: no criterion was scored.",
      );
    const doc = await json(s.owner.api, id);
    expect(doc.result.totals.map((x: { score: number | null }) => x.score)).toEqual([null, null]);
    expect(doc.result).toMatchObject({ winner: null, confidence: null });
    // Each criterion says how many voters its importance and disagreement rest on: none.
    expect(doc.result.criteria[0]).toMatchObject({ meanImportance: null, voters: 0 });
    expect(doc.decision.recommendedKey).toBeNull();
  });

  it("a blind vote still open says its recommendation is hidden, never that the outcome below is it", async () => {
    const s = await teamWith(t, ["MEMBER"]);
    const id = await openProject(s.owner, blankInput(s.team.id, { votingMode: "BLIND" }));
    await castVote(at(s.people, 1), id, "ops", { weight: 4, scores: { kafka: 2, sqs: 5 } });
    const files = await texts(s.owner.api, id);
    for (const format of ["madr", "log4brains", "nygard"] as const) {
      expect(files[format], format).toContain(
        "> **Draft.** This decision has not been recorded yet, and the team's recommendation stays hidden until this blind vote closes",
      );
      expect(files[format], format).not.toContain(
        "the outcome below is the team's current recommendation",
      );
    }
    for (const text of Object.values(files)) expect(text).not.toMatch(/recommends|confidence|\d%/);
  });

  it("a quorum larger than the team shows the number that was set, in every format", async () => {
    const s = await teamWith(t, ["MEMBER", "MEMBER"]);
    const id = await openProject(s.owner, blankInput(s.team.id, { quorum: 5 }));
    await castOnBothCriteria(s.owner, id, { weight: 3, scores: { kafka: 2, sqs: 4 } });
    const files = await texts(s.owner.api, id);
    for (const [format, text] of Object.entries(files)) {
      expect(text, format).not.toContain("quorum 3");
      expect(text, format).toContain(
        "quorum 5, more than the team's 3 members: every member's ballot is needed; not met",
      );
    }
  });

  it("an option nobody scored is not scored in Pros and Cons, never neutral", async () => {
    const s = await teamWith(t, ["MEMBER"]);
    const input = blankInput(s.team.id);
    const id = await openProject(s.owner, {
      ...input,
      options: [...input.options, { key: "nats", name: "NATS", description: "" }],
    });
    await castVote(s.owner, id, "ops", { weight: 3, scores: { kafka: 2, sqs: 4 } });
    const files = await texts(s.owner.api, id);
    for (const format of ["madr", "log4brains"] as const) {
      expect(files[format], format).not.toContain("Neutral, because nobody has scored it");
      expect(files[format], format).toMatch(/### NATS [*-] Not scored yet: nobody has scored it\./);
    }
  });

  it("a team of one counts 1 member, not 1 members", async () => {
    const s = await teamWith(t);
    const id = await openProject(s.owner, blankInput(s.team.id));
    await castVote(s.owner, id, "ops", { weight: 3, scores: { kafka: 2, sqs: 4 } });
    for (const stage of ["open", "decided"] as const) {
      if (stage === "decided") await decide(s.owner.api, id, "sqs");
      const files = await texts(s.owner.api, id);
      for (const [format, text] of Object.entries(files)) {
        expect(text, `${stage} ${format}`).not.toContain("1 members");
        if (format !== "nygard") expect(text, `${stage} ${format}`).toMatch(/of 1 member\b/);
      }
    }
  });
});

/** Two options and the criteria named, each of default weight 3, for a decision's numbers. */
const drfOrFastapi = (
  teamId: string,
  criteria: string[],
  overrides: Record<string, unknown> = {},
) =>
  blankInput(teamId, {
    options: [
      { key: "drf", name: "DRF" },
      { key: "fastapi", name: "FastAPI" },
    ],
    criteria: criteria.map((key) => ({
      key,
      name: `${key.charAt(0).toUpperCase()}${key.slice(1)}`,
      defaultWeight: 3,
    })),
    ...overrides,
  });

describe("exports show numbers a reader can recompute", () => {
  it("a Borda count credits no points, share or flip point to a criterion, and says why it recommends", async () => {
    const s = await teamWith(t, ["MEMBER", "MEMBER"]);
    const id = await openProject(
      s.owner,
      drfOrFastapi(s.team.id, ["perf", "eco"], { method: "BORDA" }),
    );
    const [ana, ben, cai] = [at(s.people, 0), at(s.people, 1), at(s.people, 2)];
    await castVote(ana, id, "perf", { weight: 5, scores: { drf: 5, fastapi: 1 } });
    await castVote(ana, id, "eco", { weight: 1, scores: { drf: 1, fastapi: 5 } });
    await castVote(ben, id, "perf", { weight: 1, scores: { drf: 4, fastapi: 3 } });
    await castVote(ben, id, "eco", { weight: 5, scores: { drf: 1, fastapi: 5 } });
    await castVote(cai, id, "perf", { weight: 3, scores: { drf: 3, fastapi: 2 } });
    await castVote(cai, id, "eco", { weight: 3, scores: { drf: 3, fastapi: 2 } });
    const files = await texts(s.owner.api, id);
    // Ana and Cai rank DRF first, Ben FastAPI: 2 of 3 points, 66.7.
    for (const format of ["madr", "log4brains"] as const) {
      const md = files[format];
      expect(md, format).toContain(
        'Recommended option (not yet decided): "DRF", because it gets the most Borda points from the members\' own rankings.',
      );
      expect(md, format).not.toContain("highest weighted score");
      expect(md, format).toContain("| Criterion | DRF | FastAPI |");
      expect(md, format).toContain("| **Total (0 to 100)** | 66.7 | 33.3 |");
      expect(md, format).not.toMatch(/team weight|Share of counted weight|50%/);
      expect(md, format).toContain("Under the Borda count no criterion adds points of its own");
      expect(md, format).toContain("Sensitivity: not computed for the Borda count");
      expect(md, format).not.toContain("no single counted criterion's importance");
    }
    expect(files.pdf).toContain("Under the Borda count no criterion adds points of its own");
    expect(files.pdf).not.toContain("50%");
    const doc = await json(s.owner.api, id);
    for (const c of doc.result.criteria)
      expect(c).toMatchObject({ contributions: {}, flipAt: null });
  });

  it("a flip point close to today's importance reads apart from it, alike in every format", async () => {
    const s = await teamWith(t, ["MEMBER", "MEMBER"]);
    const id = await openProject(s.owner, drfOrFastapi(s.team.id, ["perf", "eco"]));
    const [ana, ben, cai] = [at(s.people, 0), at(s.people, 1), at(s.people, 2)];
    await castVote(ana, id, "perf", { weight: 1, scores: { drf: 1, fastapi: 2 } });
    await castVote(ana, id, "eco", { weight: 1, scores: { drf: 1, fastapi: 5 } });
    for (const voter of [ben, cai]) {
      await castVote(voter, id, "perf", { weight: 2, scores: { drf: 5, fastapi: 1 } });
      await castVote(voter, id, "eco", { weight: 1, scores: { drf: 1, fastapi: 5 } });
    }
    const files = await texts(s.owner.api, id);
    for (const format of ["madr", "log4brains"] as const) {
      expect(files[format], format).toContain("the importance of Perf goes above 1.71 (now 1.67)");
      expect(files[format], format).toContain("the importance of Eco goes below 0.97 (now 1.00)");
    }
    expect(files.pdf).toContain("1.71 (now 1.67)");
    expect(files.pdf).toContain("0.97 (now 1.00)");
  });

  it("a tie says which importance breaks it, and shares of the weight add up to 100%", async () => {
    const s = await teamWith(t);
    const id = await openProject(s.owner, drfOrFastapi(s.team.id, ["perf", "eco", "docs"]));
    const ana = at(s.people, 0);
    await castVote(ana, id, "perf", { weight: 3, scores: { drf: 5, fastapi: 3 } });
    await castVote(ana, id, "eco", { weight: 3, scores: { drf: 2, fastapi: 3 } });
    await castVote(ana, id, "docs", { weight: 3, scores: { drf: 2, fastapi: 3 } });
    const files = await texts(s.owner.api, id);
    for (const format of ["madr", "log4brains"] as const) {
      const md = files[format];
      expect(md, format).toContain("| **Total (0 to 100)** | | 50.0 | 50.0 |");
      expect(md, format).not.toContain("no importance can change it");
      expect(md, format).toContain(
        "the tie breaks if one criterion's importance moves a little: " +
          `${format === "madr" ? "*" : "-"} Perf (importance now 3.0): higher puts DRF ahead, lower puts FastAPI ahead`,
      );
      expect(md, format).toContain("| Perf | 34% | 5.0 | 3.0 |");
      expect(md, format).toContain("| Eco | 33% | 2.0 | 3.0 |");
      expect(md, format).toContain("| Docs | 33% | 2.0 | 3.0 |");
      expect(md, format).toContain("Perf (team weight 34%, importance 3.0 of 5)");
    }
    expect(files.pdf).toMatch(/Perf 34%.*Eco 33%.*Docs 33%/);
  });
});
