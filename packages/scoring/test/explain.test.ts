import { describe, expect, it } from "vitest";
import { aggregate, type DecisionInput, type Method, methodExplanation } from "../src/index";

/**
 * Each sentence of the explanation a page shows, checked against what aggregate() does: the
 * claim is looked for in the text, and the rule it states is checked on a decision.
 */
const text = (method: Method) => methodExplanation(method).join(" ");
const total = (rec: ReturnType<typeof aggregate>, key: string) =>
  rec.totals.find((t) => t.optionKey === key)?.score;

const options = [{ key: "drf" }, { key: "fastapi" }, { key: "flask" }];
const criteria = [
  { key: "perf", defaultWeight: 3 },
  { key: "eco", defaultWeight: 2 },
];

describe.each(["weighted-mean", "median"] as const)("methodExplanation(%s)", (method) => {
  const explained = text(method);
  const run = (votes: DecisionInput["votes"], extra: Partial<DecisionInput> = {}) =>
    aggregate({ options, criteria, votes, ...extra }, { method, resamples: 0 });

  it("an option nobody scored leaves its criterion out of the totals, not scored as 3", () => {
    expect(explained).toContain("Nobody scored an option on a criterion? That criterion is not");
    expect(explained).not.toMatch(/neutral/i);
    const eco = {
      voterId: "ana",
      criterionKey: "eco",
      weight: 2,
      scores: { drf: 5, fastapi: 3, flask: 4 },
    };
    const rec = run([
      { voterId: "ana", criterionKey: "perf", weight: 4, scores: { drf: 2, fastapi: 5 } },
      eco,
    ]);
    expect(rec.criteria.find((c) => c.key === "perf")?.counted).toBe(false);
    const onlyEco = run([eco]);
    expect(rec.totals).toEqual(onlyEco.totals);
    // Had FLASK counted as 3 on Performance, it would not be the leader at 75 points.
    expect(total(rec, "flask")).toBe(75);
  });

  it("with no criterion counted there are no totals and no recommendation", () => {
    expect(explained).toContain("While no criterion is counted there are no totals and no");
    const rec = run([
      { voterId: "ana", criterionKey: "perf", weight: 4, scores: { drf: 2, fastapi: 5 } },
    ]);
    expect(rec.totals.every((t) => t.score === null)).toBe(true);
    expect(rec.winner).toBeNull();
  });

  it("shares are importances over the counted criteria's sum; totals rescale 1..5 to 0..100", () => {
    expect(explained).toContain(
      "its importance divided by the sum of the importances of the counted criteria",
    );
    expect(explained).toContain("rescaled so 1 is 0 points and 5 is 100, times that share");
    const rec = run([
      { voterId: "ana", criterionKey: "perf", weight: 4, scores: { drf: 1, fastapi: 5, flask: 3 } },
      { voterId: "ana", criterionKey: "eco", weight: 1, scores: { drf: 5, fastapi: 1, flask: 3 } },
    ]);
    expect(rec.criteria.map((c) => c.weight)).toEqual([4 / 5, 1 / 5]);
    expect(total(rec, "drf")).toBeCloseTo((1 / 5) * 100, 10);
    expect(total(rec, "flask")).toBeCloseTo(50, 10);
  });

  it("nobody gave an importance: the criterion keeps its default weight", () => {
    expect(explained).toContain("Nobody gave an importance? The criterion keeps its default");
    const rec = run([
      {
        voterId: "ana",
        criterionKey: "perf",
        weight: null,
        scores: { drf: 1, fastapi: 5, flask: 3 },
      },
      {
        voterId: "ana",
        criterionKey: "eco",
        weight: null,
        scores: { drf: 5, fastapi: 1, flask: 3 },
      },
    ]);
    expect(rec.criteria.map((c) => c.importance)).toEqual([3, 2]);
  });

  it(`takes the team's ${method === "median" ? "median" : "average"} over those who gave one`, () => {
    const how = method === "median" ? "median" : "average";
    expect(explained).toContain(`the team's ${how} importance (0 to 5) and the team's ${how}`);
    const rec = run([
      { voterId: "a", criterionKey: "perf", weight: 0, scores: { drf: 1, fastapi: 5, flask: 3 } },
      { voterId: "b", criterionKey: "perf", weight: 1, scores: { drf: 2, fastapi: 5, flask: 3 } },
      { voterId: "c", criterionKey: "perf", weight: 5, scores: { drf: 5, fastapi: 5, flask: 3 } },
      { voterId: "d", criterionKey: "perf", weight: null, scores: {}, noOpinion: true },
    ]);
    const perf = rec.criteria.find((c) => c.key === "perf");
    expect(perf?.importance).toBe(method === "median" ? 1 : 2);
    expect(perf?.scores.drf).toBe(method === "median" ? 2 : 8 / 3);
  });

  it("every counted importance 0: every total 0 and no winner", () => {
    expect(explained).toContain("When every counted criterion's importance is 0, every total");
    const rec = run([
      { voterId: "ana", criterionKey: "perf", weight: 0, scores: { drf: 1, fastapi: 5, flask: 3 } },
      { voterId: "ana", criterionKey: "eco", weight: 0, scores: { drf: 5, fastapi: 1, flask: 3 } },
    ]);
    expect(rec.totals.map((t) => t.score)).toEqual([0, 0, 0]);
    expect(rec.winner).toBeNull();
  });
});

describe.each(["weighted-mean", "median", "borda"] as const)(
  "methodExplanation(%s), all methods",
  (method) => {
    const explained = text(method);
    const run = (votes: DecisionInput["votes"], extra: Partial<DecisionInput> = {}) =>
      aggregate({ options, criteria, votes, ...extra }, { method, resamples: 50 });
    const full = [
      { voterId: "a", criterionKey: "perf", weight: 4, scores: { drf: 1, fastapi: 5, flask: 3 } },
      { voterId: "a", criterionKey: "eco", weight: 1, scores: { drf: 5, fastapi: 1, flask: 3 } },
      { voterId: "b", criterionKey: "perf", weight: 4, scores: { drf: 2, fastapi: 4, flask: 3 } },
      { voterId: "b", criterionKey: "eco", weight: 1, scores: { drf: 4, fastapi: 2, flask: 3 } },
    ];

    it("ready once every criterion is counted and the quorum (else every member) is met", () => {
      expect(explained).toContain("ready once every criterion is counted and enough ballots");
      expect(run(full, { members: ["a", "b"] }).status).toBe("ready");
      expect(run(full, { members: ["a", "b", "c"] }).status).toBe("provisional");
      expect(run(full, { members: ["a", "b", "c"], quorum: 2 }).status).toBe("ready");
      expect(run(full.slice(0, 2), { members: ["a"], quorum: 1 }).status).toBe("ready");
      expect(
        run(
          full.filter((v) => v.criterionKey === "perf"),
          { quorum: 1 },
        ).status,
      ).toBe("provisional");
    });

    it("a tie at the top is no recommendation and has no confidence figure", () => {
      expect(explained).toContain("Options tied at the top are a tie: there is no recommendation");
      const tie = run([
        { voterId: "a", criterionKey: "perf", weight: 3, scores: { drf: 5, fastapi: 1, flask: 1 } },
        { voterId: "b", criterionKey: "perf", weight: 3, scores: { drf: 1, fastapi: 5, flask: 1 } },
      ]);
      expect(tie.winner).toBeNull();
      expect(tie.confidence).toBeNull();
    });

    it("a confidence figure only once every counted criterion rests on two voters", () => {
      expect(explained).toContain("once every counted criterion rests on at least 2 voters");
      expect(run(full).confidence).not.toBeNull();
      const oneOnEco = full.filter((v) => !(v.voterId === "b" && v.criterionKey === "eco"));
      expect(run(oneOnEco).confidence).toBeNull();
    });
  },
);

describe("methodExplanation(borda)", () => {
  const explained = text("borda");

  it("points per option below and half per tie, over members who have a ranking, 0..100", () => {
    expect(explained).toContain("a point for every option below it and half a point");
    expect(explained).toContain("(100: every one of them ranked the option first)");
    expect(explained).toContain("has no ranking and hands out no points");
    const rec = aggregate(
      {
        options,
        criteria,
        votes: [
          {
            voterId: "a",
            criterionKey: "perf",
            weight: 3,
            scores: { drf: 5, fastapi: 3, flask: 3 },
          },
          {
            voterId: "b",
            criterionKey: "perf",
            weight: 3,
            scores: { drf: 5, fastapi: 4, flask: 1 },
          },
          // c scored no criterion fully: no ranking, no points.
          { voterId: "c", criterionKey: "eco", weight: 3, scores: { drf: 1, fastapi: 5 } },
        ],
      },
      { method: "borda", resamples: 0 },
    );
    // a: drf 2, fastapi 0.5, flask 0.5; b: drf 2, fastapi 1, flask 0; of 2 rankings x 2 points.
    expect(total(rec, "drf")).toBeCloseTo(100, 10);
    expect(total(rec, "fastapi")).toBeCloseTo((1.5 / 4) * 100, 10);
    expect(total(rec, "flask")).toBeCloseTo((0.5 / 4) * 100, 10);
  });
});
