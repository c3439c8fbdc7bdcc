import { describe, expect, it } from "vitest";
import { aggregate, type DecisionInput } from "../src/index";

const totalOf = (rec: ReturnType<typeof aggregate>, key: string) =>
  rec.totals.find((t) => t.optionKey === key)?.score;

/**
 * Two members, two criteria. Points of a team score S are (S - 1) / 4 * 100.
 *
 * performance: importances 4 and 2 -> W = 3; DRF scores 2, 3 -> 2.5 (37.5 pts);
 *              FastAPI 5, 4 -> 4.5 (87.5 pts)
 * admin:       importances 5 and "no opinion" -> W = 5; DRF 5, 4 -> 4.5 (87.5 pts);
 *              FastAPI 2 and no opinion -> 2 (25 pts)
 * sum W = 8, w_performance = 3/8 = 0.375, w_admin = 5/8 = 0.625
 * DRF     = 0.375 * 37.5 + 0.625 * 87.5 = 14.0625 + 54.6875 = 68.75
 * FastAPI = 0.375 * 87.5 + 0.625 * 25   = 32.8125 + 15.625  = 48.4375
 */
const billing: DecisionInput = {
  options: [
    { key: "drf", name: "Django REST Framework" },
    { key: "fastapi", name: "FastAPI" },
  ],
  criteria: [
    { key: "performance", defaultWeight: 3 },
    { key: "admin", defaultWeight: 2 },
  ],
  votes: [
    { voterId: "alice", criterionKey: "performance", weight: 4, scores: { drf: 2, fastapi: 5 } },
    { voterId: "bob", criterionKey: "performance", weight: 2, scores: { drf: 3, fastapi: 4 } },
    { voterId: "alice", criterionKey: "admin", weight: 5, scores: { drf: 5, fastapi: 2 } },
    { voterId: "bob", criterionKey: "admin", weight: null, scores: { drf: 4, fastapi: null } },
  ],
  members: ["alice", "bob", "carol"],
  quorum: 2,
};

describe("aggregate, weighted mean, worked example", () => {
  const rec = aggregate(billing);

  it("computes each option's total from the normalised weights and mean scores", () => {
    expect(rec.method).toBe("weighted-mean");
    expect(totalOf(rec, "drf")).toBeCloseTo(68.75, 10);
    expect(totalOf(rec, "fastapi")).toBeCloseTo(48.4375, 10);
    expect(rec.totals.map((t) => t.rank)).toEqual([1, 2]);
  });

  it("names the winner and the margin over the runner-up", () => {
    expect(rec.winner).toBe("drf");
    expect(rec.margin).toBeCloseTo(68.75 - 48.4375, 10);
  });

  it("explains each criterion: weight, team scores and contribution to each total", () => {
    const [performance, admin] = rec.criteria;
    expect(performance?.importance).toBe(3);
    expect(performance?.weight).toBeCloseTo(0.375, 12);
    expect(performance?.meanImportance).toBe(3);
    expect(performance?.scores).toEqual({ drf: 2.5, fastapi: 4.5 });
    expect(performance?.contributions.drf).toBeCloseTo(14.0625, 10);
    expect(performance?.contributions.fastapi).toBeCloseTo(32.8125, 10);
    expect(admin?.weight).toBeCloseTo(0.625, 12);
    expect(admin?.meanImportance).toBe(5); // bob's "no opinion" does not count
    expect(admin?.scores).toEqual({ drf: 4.5, fastapi: 2 });
    expect(admin?.contributions.drf).toBeCloseTo(54.6875, 10);
    expect(admin?.voters).toBe(2);
  });

  it("measures disagreement as the larger of the importance and score spreads", () => {
    // performance importances 4, 2: sd 1, over the largest possible sd 2.5 -> 0.4
    // scores 2, 3 and 5, 4: sd 0.5 each, over 2 -> 0.25
    const performance = rec.criteria[0];
    expect(performance?.importanceSpread).toBeCloseTo(0.4, 12);
    expect(performance?.scoreSpread).toBeCloseTo(0.25, 12);
    expect(performance?.disagreement).toBeCloseTo(0.4, 12);
  });

  it("finds the importance at which the winner would change, exactly", () => {
    // admin = x, others R = 3: DRF = (87.5x + 3 * 37.5) / (x + 3), FastAPI = (25x + 3 * 87.5) / (x + 3)
    // equal when 62.5x = 150, x = 2.4
    expect(rec.criteria[1]?.flipAt).toBeCloseTo(2.4, 12);
    // performance = x, R = 5: equal when 50x = 312.5, x = 6.25, beyond 5: no flip
    expect(rec.criteria[0]?.flipAt).toBeNull();
  });

  it("counts participation against the members and the quorum", () => {
    expect(rec.participation).toEqual({ voted: 2, eligible: 3, quorum: 2, quorumMet: true });
    const strict = aggregate({ ...billing, quorum: 3 });
    expect(strict.participation.quorumMet).toBe(false);
  });

  it("gives each member their own result, with defaults and neutral scores filled in", () => {
    // alice: (4 * 25 + 5 * 100) / 9 = 66.67 for DRF, (4 * 100 + 5 * 25) / 9 = 58.33 for FastAPI
    // bob: admin weight falls back to 2, his missing FastAPI admin score to 3:
    //      DRF (2 * 50 + 2 * 75) / 4 = 62.5, FastAPI (2 * 75 + 2 * 50) / 4 = 62.5: a tie
    const [alice, bob] = rec.personal;
    expect(alice?.voterId).toBe("alice");
    expect(alice?.totals[0]?.score).toBeCloseTo(600 / 9, 10);
    expect(alice?.totals[1]?.score).toBeCloseTo(525 / 9, 10);
    expect(alice?.winner).toBe("drf");
    expect(bob?.totals.map((t) => t.score)).toEqual([62.5, 62.5]);
    expect(bob?.winner).toBeNull();
  });

  it("reports how often resampled voters keep the winner, reproducibly", () => {
    // Resamples of two voters: {alice, alice} -> DRF, {bob, bob} -> tie, {alice, bob} -> DRF,
    // so about 3 in 4 keep DRF.
    expect(rec.confidence).toBeGreaterThan(0.65);
    expect(rec.confidence).toBeLessThan(0.85);
    expect(aggregate(billing).confidence).toBe(rec.confidence);
    const many = aggregate(billing, { resamples: 4000, seed: 7 });
    expect(many.confidence).toBeCloseTo(0.75, 1);
    expect(aggregate(billing, { resamples: 0 }).confidence).toBeNull();
  });
});

describe("aggregate, edge cases", () => {
  const shape = { options: billing.options, criteria: billing.criteria };

  it("with no votes, every option is neutral (50) and nothing wins", () => {
    const rec = aggregate({ ...shape, votes: [] });
    expect(rec.totals.map((t) => t.score)).toEqual([50, 50]);
    expect(rec.totals.map((t) => t.rank)).toEqual([1, 1]);
    expect(rec.winner).toBeNull();
    expect(rec.margin).toBe(0);
    expect(rec.confidence).toBeNull();
    expect(rec.personal).toEqual([]);
    expect(rec.participation).toEqual({ voted: 0, eligible: 0, quorum: null, quorumMet: true });
  });

  it("members who only say 'no opinion' change nothing and do not count as having voted", () => {
    const rec = aggregate({
      ...shape,
      votes: [
        { voterId: "alice", criterionKey: "performance", weight: null, scores: {} },
        {
          voterId: "bob",
          criterionKey: "admin",
          weight: null,
          scores: { drf: null, fastapi: null },
        },
      ],
      members: ["alice", "bob"],
    });
    expect(rec.totals.map((t) => t.score)).toEqual([50, 50]);
    expect(rec.winner).toBeNull();
    expect(rec.participation.voted).toBe(0);
    expect(rec.criteria.map((c) => c.importance)).toEqual([3, 2]); // the defaults
  });

  it("an exact tie has no winner and both options share rank 1", () => {
    const rec = aggregate({
      ...shape,
      votes: [
        { voterId: "a", criterionKey: "performance", weight: 3, scores: { drf: 5, fastapi: 1 } },
        { voterId: "b", criterionKey: "performance", weight: 3, scores: { drf: 1, fastapi: 5 } },
      ],
    });
    expect(rec.winner).toBeNull();
    expect(rec.margin).toBe(0);
    expect(rec.totals.map((t) => t.rank)).toEqual([1, 1]);
    expect(rec.criteria.every((c) => c.flipAt === null)).toBe(true);
  });

  it("an option nobody scored counts as neutral (3) on every criterion", () => {
    const rec = aggregate({
      options: [{ key: "drf" }, { key: "fastapi" }, { key: "flask" }],
      criteria: shape.criteria,
      votes: [
        { voterId: "a", criterionKey: "performance", weight: 4, scores: { drf: 4, fastapi: 5 } },
      ],
    });
    expect(rec.totals[2]?.score).toBeCloseTo(50, 12);
    expect(rec.criteria.map((c) => c.scores.flask)).toEqual([3, 3]);
  });

  it("when every importance is 0 there is nothing to weigh: all totals 0, no winner", () => {
    const rec = aggregate({
      ...shape,
      votes: [
        { voterId: "a", criterionKey: "performance", weight: 0, scores: { drf: 5, fastapi: 1 } },
        { voterId: "a", criterionKey: "admin", weight: 0, scores: { drf: 5, fastapi: 1 } },
      ],
    });
    expect(rec.totals.map((t) => t.score)).toEqual([0, 0]);
    expect(rec.winner).toBeNull();
    expect(rec.criteria.map((c) => c.weight)).toEqual([0, 0]);
    expect(rec.criteria.map((c) => c.flipAt)).toEqual([null, null]);
  });

  it("default weights of 0 with no importance given also leave nothing to weigh", () => {
    const rec = aggregate({
      options: shape.options,
      criteria: [{ key: "only", defaultWeight: 0 }],
      votes: [{ voterId: "a", criterionKey: "only", weight: null, scores: { drf: 5, fastapi: 1 } }],
    });
    expect(rec.winner).toBeNull();
    expect(rec.totals.map((t) => t.score)).toEqual([0, 0]);
  });

  it("rejects options it does not know instead of ignoring them", () => {
    expect(() =>
      aggregate(
        {
          ...shape,
          votes: [{ voterId: "a", criterionKey: "admin", weight: 1, scores: { rails: 4 } }],
        },
        {},
      ),
    ).toThrow(/votes\[0\]\.scores\.rails: unknown option "rails"/);
  });

  it("rejects a method it does not know", () => {
    // @ts-expect-error: a caller without types may pass anything
    expect(() => aggregate({ ...shape, votes: [] }, { method: "plurality" })).toThrow(
      /opts\.method/,
    );
  });
});

describe("aggregate, other methods", () => {
  // One criterion, three members. FastAPI's scores 1, 5, 5 have mean 3.67 but median 5;
  // DRF's 4, 4, 4 have mean and median 4. With one criterion the total is the points of S.
  const outlier: DecisionInput = {
    options: [{ key: "drf" }, { key: "fastapi" }],
    criteria: [{ key: "fit", defaultWeight: 3 }],
    votes: [
      { voterId: "a", criterionKey: "fit", weight: 1, scores: { drf: 4, fastapi: 1 } },
      { voterId: "b", criterionKey: "fit", weight: 4, scores: { drf: 4, fastapi: 5 } },
      { voterId: "c", criterionKey: "fit", weight: 5, scores: { drf: 4, fastapi: 5 } },
    ],
  };

  it("median resists a single outlier where the mean does not", () => {
    const mean = aggregate(outlier);
    expect(totalOf(mean, "drf")).toBeCloseTo(75, 10); // (4 - 1) / 4 * 100
    expect(totalOf(mean, "fastapi")).toBeCloseTo(((11 / 3 - 1) / 4) * 100, 10); // 66.67
    expect(mean.winner).toBe("drf");

    const median = aggregate(outlier, { method: "median" });
    expect(median.method).toBe("median");
    expect(totalOf(median, "fastapi")).toBe(100); // (5 - 1) / 4 * 100
    expect(totalOf(median, "drf")).toBe(75);
    expect(median.winner).toBe("fastapi");
    expect(median.criteria[0]?.importance).toBe(4); // median of 1, 4, 5
    expect(median.criteria[0]?.meanImportance).toBeCloseTo(10 / 3, 12);
  });

  it("median of an even count is the mean of the two middle values", () => {
    const rec = aggregate({ ...outlier, votes: outlier.votes.slice(0, 2) }, { method: "median" });
    // FastAPI scores 1 and 5 -> 3 -> 50 points; importance 1 and 4 -> 2.5
    expect(totalOf(rec, "fastapi")).toBe(50);
    expect(rec.criteria[0]?.importance).toBe(2.5);
  });

  it("Borda sums each member's ranking points, shares points on ties, scales to 0..100", () => {
    // Personal rankings on one criterion (the scores themselves):
    // a: x 5, y 3, z 1 -> x 2, y 1, z 0 points
    // b: x 5, y 5, z 1 -> x and y tie for first: 1.5 each, z 0
    // c: z 5, y 4, x 1 -> z 2, y 1, x 0
    // d: y 4, x 3, z 2 -> y 2, x 1, z 0
    // sums x 4.5, y 5.5, z 2 out of 4 voters x 2 points = 8 -> 56.25, 68.75, 25
    const rec = aggregate(
      {
        options: [{ key: "x" }, { key: "y" }, { key: "z" }],
        criteria: [{ key: "fit", defaultWeight: 1 }],
        votes: [
          { voterId: "a", criterionKey: "fit", weight: 1, scores: { x: 5, y: 3, z: 1 } },
          { voterId: "b", criterionKey: "fit", weight: 1, scores: { x: 5, y: 5, z: 1 } },
          { voterId: "c", criterionKey: "fit", weight: 1, scores: { x: 1, y: 4, z: 5 } },
          { voterId: "d", criterionKey: "fit", weight: 1, scores: { x: 3, y: 4, z: 2 } },
        ],
      },
      { method: "borda" },
    );
    expect(rec.totals.map((t) => t.score)).toEqual([56.25, 68.75, 25]);
    expect(rec.totals.map((t) => t.rank)).toEqual([2, 1, 3]);
    expect(rec.winner).toBe("y");
    expect(rec.margin).toBe(12.5);
    expect(rec.criteria[0]?.flipAt).toBeNull(); // Borda has no team weight to move
  });

  it("Borda with nobody voting leaves every option tied at 50", () => {
    const rec = aggregate({ ...outlier, votes: [] }, { method: "borda" });
    expect(rec.totals.map((t) => t.score)).toEqual([50, 50]);
    expect(rec.winner).toBeNull();
  });
});
