import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recordedDecision } from "../src/index";
import { decisionArb } from "./arbitraries";

describe("recordedDecision", () => {
  it("gives back the decision a record was made of: its fields only, each vote by its voter", () => {
    fc.assert(
      fc.property(decisionArb, (decision) => {
        // The record lists the same decision with what people read too, and votes by member.
        const record = {
          options: decision.options.map((o) => ({ ...o, description: "What it is" })),
          criteria: decision.criteria.map((c) => ({ ...c, description: null, guidance: {} })),
          votes: decision.votes.map(({ voterId, ...vote }) => ({
            ...vote,
            memberId: voterId,
            noOpinion: vote.noOpinion ?? false,
            rationale: "Why",
          })),
        };
        // toEqual fails on a field left in (a description, `noOpinion: false`) or one lost.
        expect(recordedDecision(record)).toEqual({
          options: decision.options,
          criteria: decision.criteria,
          votes: decision.votes,
        });
      }),
    );
  });
});
