import { describe, expect, it } from "vitest";
import { aggregate, marginWords, noConfidenceReason } from "../src/index";
import { decisionWithVotes } from "./decisions";

const totalOf = (rec: ReturnType<typeof aggregate>, key: string) =>
  rec.totals.find((t) => t.optionKey === key)?.score;

/**
 * Two members, two criteria. Points of a team score S are (S - 1) / 4 * 100.
 *
 * performance: importances 4 and 2 -> W = 3; DRF scores 2, 3 -> 2.5 (37.5 pts);
 *              FastAPI 5, 4 -> 4.5 (87.5 pts)
 * admin:       importances 5 and none given -> W = 5; DRF 5, 4 -> 4.5 (87.5 pts);
 *              FastAPI 2 and none given -> 2 (25 pts)
 * Every option has a score on both criteria, so both are counted.
 * sum W = 8, w_performance = 3/8 = 0.375, w_admin = 5/8 = 0.625
 * DRF     = 0.375 * 37.5 + 0.625 * 87.5 = 14.0625 + 54.6875 = 68.75
 * FastAPI = 0.375 * 87.5 + 0.625 * 25   = 32.8125 + 15.625  = 48.4375
 */
const billing = decisionWithVotes({
  options: [
    { key: "drf", name: "Django REST Framework" },
    { key: "fastapi", name: "FastAPI" },
  ],
  defaultWeight: { performance: 3, admin: 2 },
  ballots: {
    alice: { performance: [4, 2, 5], admin: [5, 5, 2] },
    bob: { performance: [2, 3, 4], admin: [null, 4, null] },
  },
  members: ["alice", "bob", "carol"],
  quorum: 2,
});

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
    expect(rec.criteria.map((c) => [c.counted, c.missingOptions])).toEqual([
      [true, []],
      [true, []],
    ]);
    expect(rec.coverage).toEqual({ counted: 2, total: 2, weightShare: 1 });
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

  it("counts complete ballots against the members and the quorum", () => {
    // alice scored every option on both criteria; bob left FastAPI unscored on admin; carol
    // has not started. The quorum of 2 counts complete ballots: 1 is not enough.
    expect(rec.participation).toEqual({
      complete: 1,
      partial: 1,
      none: 1,
      eligible: 3,
      quorum: 2,
      quorumMet: false,
    });
    expect(rec.status).toBe("provisional");
    const lenient = aggregate({ ...billing, quorum: 1 });
    expect(lenient.participation.quorumMet).toBe(true);
    expect(lenient.status).toBe("ready");
  });

  it("without a quorum, is ready only once every member's ballot is complete", () => {
    // The audit case: every criterion counted, two members with part of a ballot each.
    const { quorum: _, ...noQuorum } = billing;
    const rec = aggregate(noQuorum);
    expect(rec.coverage.counted).toBe(2);
    expect(rec.participation).toMatchObject({ complete: 1, quorum: null, quorumMet: false });
    expect(rec.status).toBe("provisional");
    const carolToo = billing.votes
      .filter((v) => v.voterId === "alice")
      .map((v) => ({ ...v, voterId: "carol" }));
    const bobDone = billing.votes.map((v) =>
      v.voterId === "bob" && v.criterionKey === "admin"
        ? { ...v, scores: { drf: 4, fastapi: 3 } }
        : v,
    );
    const everyone = aggregate({ ...noQuorum, votes: [...bobDone, ...carolToo] });
    expect(everyone.participation).toMatchObject({ complete: 3, quorumMet: true });
    expect(everyone.status).toBe("ready");
  });

  it("a no-opinion mark completes a ballot and leaves the criterion's means alone", () => {
    const votes = billing.votes.map((v) =>
      v.voterId === "bob" && v.criterionKey === "admin"
        ? { ...v, weight: null, scores: {}, noOpinion: true }
        : v,
    );
    const marked = aggregate({ ...billing, votes });
    expect(marked.participation).toMatchObject({ complete: 2, partial: 0, none: 1 });
    expect(marked.status).toBe("ready");
    expect(marked.criteria[1]?.noOpinion).toBe(1);
    expect(marked.criteria[1]?.scores).toEqual({ drf: 5, fastapi: 2 }); // alice's alone
    expect(marked.criteria[1]?.voters).toBe(1);
  });

  it("refuses a no-opinion mark that carries an importance or a score", () => {
    expect(() =>
      aggregate({
        ...billing,
        votes: [
          {
            voterId: "alice",
            criterionKey: "admin",
            weight: 3,
            scores: { drf: 2 },
            noOpinion: true,
          },
        ],
      }),
    ).toThrow(/votes\[0\]\.noOpinion: a no-opinion mark carries no importance and no scores/);
  });

  it("gives each member their own result over the criteria they scored fully", () => {
    // alice: (4 * 25 + 5 * 100) / 9 = 66.67 for DRF, (4 * 100 + 5 * 25) / 9 = 58.33 for FastAPI
    // bob left FastAPI unscored on admin, so only performance counts for him:
    //      DRF (3 - 1) / 4 * 100 = 50, FastAPI (4 - 1) / 4 * 100 = 75
    const [alice, bob] = rec.personal;
    expect(alice?.voterId).toBe("alice");
    expect(alice?.totals[0]?.score).toBeCloseTo(600 / 9, 10);
    expect(alice?.totals[1]?.score).toBeCloseTo(525 / 9, 10);
    expect(alice?.winner).toBe("drf");
    expect(bob?.totals.map((t) => t.score)).toEqual([50, 75]);
    expect(bob?.winner).toBe("fastapi");
  });

  it("reports how often resampled voters keep the winner, reproducibly", () => {
    // Resamples of two voters: {alice, alice} -> DRF; {bob, bob} -> admin is not counted
    // (nobody in the sample scored FastAPI there), FastAPI wins on performance alone;
    // {alice, bob} -> DRF. So about 3 in 4 keep DRF.
    expect(rec.confidence).toBeGreaterThan(0.65);
    expect(rec.confidence).toBeLessThan(0.85);
    expect(aggregate(billing).confidence).toBe(rec.confidence);
    const many = aggregate(billing, { resamples: 4000, seed: 7 });
    expect(many.confidence).toBeCloseTo(0.75, 1);
    expect(aggregate(billing, { resamples: 0 }).confidence).toBeNull();
    expect(rec.confidenceVoters).toBe(2);
    expect(noConfidenceReason(rec)).toBeNull();
  });

  it("gives no confidence figure while one voter is all the counted criteria rest on", () => {
    // Resampling one voter always finds the same winner: that 100% would say nothing.
    const aliceVotes = billing.votes.filter((v) => v.voterId === "alice");
    const alone = aggregate({ ...billing, votes: aliceVotes });
    expect(alone.winner).toBe("drf");
    expect(alone.confidence).toBeNull();
    expect(alone.confidenceVoters).toBe(1);
    expect(noConfidenceReason(alone)).toBe(
      "none yet (the counted criteria rest on 1 voter; it takes 2 to resample)",
    );
    // bob's importance alone on a counted criterion makes him a voter the resampling can draw;
    // there is a figure once every counted criterion has his word too.
    const withBob = aggregate({
      ...billing,
      votes: [
        ...aliceVotes,
        { voterId: "bob", criterionKey: "performance", weight: 1, scores: {} },
      ],
    });
    expect(withBob.confidenceVoters).toBe(2);
    expect(withBob.confidence).toBeNull();
    expect(noConfidenceReason(withBob)).toBe(
      "none yet (1 of the 2 counted criteria rests on one voter; it takes 2 on each to resample)",
    );
    const withBobOnBoth = aggregate({
      ...billing,
      votes: [
        ...aliceVotes,
        { voterId: "bob", criterionKey: "performance", weight: 1, scores: {} },
        { voterId: "bob", criterionKey: "admin", weight: 2, scores: {} },
      ],
    });
    expect(withBobOnBoth.confidence).not.toBeNull();
    const none = aggregate({ ...billing, votes: [] });
    expect(none.confidenceVoters).toBe(0);
    expect(noConfidenceReason(none)).toBe("none yet (nothing is counted)");
  });
});

describe("aggregate, edge cases", () => {
  const shape = { options: billing.options, criteria: billing.criteria };

  it("with no votes, no criterion is counted: no totals, no winner, no confidence", () => {
    const rec = aggregate({ ...shape, votes: [] });
    expect(rec.totals.map((t) => t.score)).toEqual([null, null]);
    expect(rec.totals.map((t) => t.rank)).toEqual([null, null]);
    expect(rec.winner).toBeNull();
    expect(rec.margin).toBe(0);
    expect(rec.confidence).toBeNull();
    expect(rec.personal).toEqual([]);
    expect(rec.coverage).toEqual({ counted: 0, total: 2, weightShare: 0 });
    expect(rec.status).toBe("provisional");
    expect(rec.participation).toEqual({
      complete: 0,
      partial: 0,
      none: 0,
      eligible: 0,
      quorum: null,
      quorumMet: true,
    });
  });

  it("members who only say 'no opinion' add no number anywhere", () => {
    const rec = aggregate({
      ...shape,
      votes: [
        {
          voterId: "alice",
          criterionKey: "performance",
          weight: null,
          scores: {},
          noOpinion: true,
        },
        { voterId: "alice", criterionKey: "admin", weight: null, scores: {}, noOpinion: true },
        {
          voterId: "bob",
          criterionKey: "admin",
          weight: null,
          scores: { drf: null, fastapi: null },
        },
      ],
      members: ["alice", "bob", "carol"],
    });
    expect(rec.totals.map((t) => t.score)).toEqual([null, null]);
    expect(rec.winner).toBeNull();
    expect(rec.confidence).toBeNull();
    expect(rec.personal).toEqual([]);
    // alice abstained everywhere (complete); bob's empty vote says nothing; carol has no vote.
    expect(rec.participation).toMatchObject({ complete: 1, partial: 0, none: 2, eligible: 3 });
    expect(rec.criteria.map((c) => c.importance)).toEqual([3, 2]); // the defaults
    expect(rec.criteria.map((c) => c.noOpinion)).toEqual([1, 1]);
  });

  it("counts only the criteria every option was scored on, renormalising the weights", () => {
    // Five criteria; the team scored both options on speed and cost, only DRF on docs, and
    // nothing on hiring and ops. Importances: speed 4 (given), cost default 2, docs default 3,
    // hiring default 5, ops given 1.
    // counted: speed and cost, sum W = 6: w_speed = 4/6, w_cost = 2/6
    // DRF     = 4/6 * (2 - 1) / 4 * 100 + 2/6 * (5 - 1) / 4 * 100 = 16.67 + 33.33 = 50
    // FastAPI = 4/6 * (5 - 1) / 4 * 100 + 2/6 * (3 - 1) / 4 * 100 = 66.67 + 16.67 = 83.33
    // weight share: (4 + 2) / (4 + 2 + 3 + 5 + 1) = 6 / 15 = 0.4
    const rec = aggregate({
      options: shape.options,
      criteria: [
        { key: "speed", defaultWeight: 3 },
        { key: "cost", defaultWeight: 2 },
        { key: "docs", defaultWeight: 3 },
        { key: "hiring", defaultWeight: 5 },
        { key: "ops", defaultWeight: 2 },
      ],
      votes: [
        { voterId: "a", criterionKey: "speed", weight: 4, scores: { drf: 2, fastapi: 5 } },
        { voterId: "a", criterionKey: "cost", weight: null, scores: { drf: 5, fastapi: 3 } },
        { voterId: "b", criterionKey: "docs", weight: null, scores: { drf: 4 } },
        { voterId: "b", criterionKey: "ops", weight: 1, scores: {} },
      ],
    });
    expect(totalOf(rec, "drf")).toBeCloseTo(50, 10);
    expect(totalOf(rec, "fastapi")).toBeCloseTo(250 / 3, 10);
    expect(rec.winner).toBe("fastapi");
    expect(rec.coverage).toEqual({ counted: 2, total: 5, weightShare: 0.4 });
    expect(rec.criteria.map((c) => c.counted)).toEqual([true, true, false, false, false]);
    expect(rec.criteria.map((c) => c.missingOptions)).toEqual([
      [],
      [],
      ["fastapi"],
      ["drf", "fastapi"],
      ["drf", "fastapi"],
    ]);
    expect(rec.criteria[2]?.scores).toEqual({ drf: 4, fastapi: null });
    expect(rec.criteria[2]?.weight).toBe(0);
    expect(rec.criteria[2]?.contributions).toEqual({ drf: 0, fastapi: 0 });
    expect(rec.criteria.slice(2).map((c) => c.flipAt)).toEqual([null, null, null]);
    expect(rec.status).toBe("provisional");
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
    // Two voters to resample, but no winner to be confident in: no figure, and a reason.
    expect(rec.confidenceVoters).toBe(2);
    expect(rec.confidence).toBeNull();
    expect(noConfidenceReason(rec)).toBe("none (there is no single winner to be confident in)");
    expect(rec.criteria.every((c) => c.flipAt === null)).toBe(true);
  });

  it("an option nobody scored is never given a score: its criteria are not counted", () => {
    const rec = aggregate({
      options: [{ key: "drf" }, { key: "fastapi" }, { key: "flask" }],
      criteria: shape.criteria,
      votes: [
        { voterId: "a", criterionKey: "performance", weight: 4, scores: { drf: 4, fastapi: 5 } },
      ],
    });
    expect(rec.totals.map((t) => t.score)).toEqual([null, null, null]);
    expect(rec.winner).toBeNull();
    expect(rec.criteria.map((c) => c.scores.flask)).toEqual([null, null]);
    expect(rec.criteria[0]?.missingOptions).toEqual(["flask"]);
    expect(rec.personal[0]?.totals.map((t) => t.score)).toEqual([null, null, null]);
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
  const outlier = decisionWithVotes({
    options: [{ key: "drf" }, { key: "fastapi" }],
    ballots: { a: { fit: [1, 4, 1] }, b: { fit: [4, 4, 5] }, c: { fit: [5, 4, 5] } },
  });

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

  it("Borda with nobody voting has no totals and no winner", () => {
    const rec = aggregate({ ...outlier, votes: [] }, { method: "borda" });
    expect(rec.totals.map((t) => t.score)).toEqual([null, null]);
    expect(rec.winner).toBeNull();
  });

  it("Borda ranks each member on the criteria they scored fully, and skips those with none", () => {
    // a ranks on fit alone (x 5 > y 2): x 1, y 0. b scored only y on fit, and both on cost
    // (y 4 > x 1): y 1, x 0. c scored only x on fit: no ranking, no points.
    // sums x 1, y 1 over 2 ranking voters x 1 point: 50, 50
    const rec = aggregate(
      {
        options: [{ key: "x" }, { key: "y" }],
        criteria: [
          { key: "fit", defaultWeight: 1 },
          { key: "cost", defaultWeight: 1 },
        ],
        votes: [
          { voterId: "a", criterionKey: "fit", weight: 1, scores: { x: 5, y: 2 } },
          { voterId: "b", criterionKey: "fit", weight: 1, scores: { y: 5 } },
          { voterId: "b", criterionKey: "cost", weight: 1, scores: { x: 1, y: 4 } },
          { voterId: "c", criterionKey: "fit", weight: 1, scores: { x: 5 } },
        ],
      },
      { method: "borda" },
    );
    expect(rec.totals.map((t) => t.score)).toEqual([50, 50]);
    expect(rec.personal.find((p) => p.voterId === "c")?.winner).toBeNull();
  });

  it("median leaves out what nobody scored, like the mean", () => {
    const rec = aggregate(
      {
        ...outlier,
        criteria: [...outlier.criteria, { key: "docs", defaultWeight: 5 }],
        votes: [
          ...outlier.votes,
          { voterId: "a", criterionKey: "docs", weight: 5, scores: { drf: 1 } },
        ],
      },
      { method: "median" },
    );
    expect(totalOf(rec, "fastapi")).toBe(100);
    expect(totalOf(rec, "drf")).toBe(75);
    expect(rec.coverage.counted).toBe(1);
  });
});

describe("marginWords", () => {
  it("never words a lead as 0.0 points: below 0.05 it is less than 0.1 points", () => {
    expect(marginWords(0.049)).toBe("by less than 0.1 points");
    expect(marginWords(0.0001)).toBe("by less than 0.1 points");
    expect(marginWords(0.05)).toBe("by 0.1 points");
    expect(marginWords(12.34)).toBe("by 12.3 points");
  });
});
