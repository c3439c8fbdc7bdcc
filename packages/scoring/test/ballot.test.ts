import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate, ballotOf, type Vote } from "../src/index";
import { decisionArb } from "./arbitraries";

const shape = {
  options: [{ key: "kafka" }, { key: "sqs" }],
  criteria: [
    { key: "ops", defaultWeight: 3 },
    { key: "ordering", defaultWeight: 3 },
  ],
};
const vote = (criterionKey: string, part: Partial<Vote> = {}): Vote => ({
  voterId: "bob",
  criterionKey,
  weight: null,
  scores: {},
  ...part,
});

describe("a member's ballot", () => {
  it("is partial, with nothing done, when only importances were set", () => {
    const votes = [vote("ops", { weight: 5 }), vote("ordering", { weight: 1 })];
    expect(ballotOf(shape, votes)).toEqual({ doneCriteria: 0, state: "partial" });
  });

  it("is complete when every option is scored or the criterion is marked no opinion", () => {
    const votes = [
      vote("ops", { scores: { kafka: 2, sqs: 5 } }),
      vote("ordering", { noOpinion: true }),
    ];
    expect(ballotOf(shape, votes)).toEqual({ doneCriteria: 2, state: "complete" });
  });

  it("counts a criterion with some options unscored as not done", () => {
    const votes = [
      vote("ops", { weight: 4, scores: { kafka: 2, sqs: null } }),
      vote("ordering", { scores: { kafka: 1, sqs: 1 } }),
    ];
    expect(ballotOf(shape, votes)).toEqual({ doneCriteria: 1, state: "partial" });
  });

  it("is none for an empty row, and ignores scores for options the decision does not have", () => {
    expect(ballotOf(shape, [vote("ops")])).toEqual({ doneCriteria: 0, state: "none" });
    const stale = [
      vote("ops", { scores: { kafka: 2, rabbit: 3 } }),
      vote("ordering", { noOpinion: true }),
    ];
    expect(ballotOf(shape, stale)).toEqual({ doneCriteria: 1, state: "partial" });
  });

  it("agrees with the recommendation's participation on any votes", () => {
    fc.assert(
      fc.property(decisionArb, (decision) => {
        const voters = [...new Set(decision.votes.map((v) => v.voterId))];
        const states = voters.map(
          (id) =>
            ballotOf(
              decision,
              decision.votes.filter((v) => v.voterId === id),
            ).state,
        );
        const { participation } = aggregate(decision, { resamples: 0 });
        expect(states.filter((s) => s === "complete").length).toBe(participation.complete);
        expect(states.filter((s) => s === "partial").length).toBe(participation.partial);
        expect(states.filter((s) => s === "none").length).toBe(participation.none);
      }),
      { numRuns: 200 },
    );
  });
});
