import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate, type DecisionInput, METHODS, noConfidenceReason } from "../src/index";
import { decisionArb } from "./arbitraries";

/** The two-framework template's shape: 2 options, 13 criteria. */
const template: Omit<DecisionInput, "votes"> = {
  options: [
    { key: "drf", name: "Django REST Framework" },
    { key: "fastapi", name: "FastAPI" },
  ],
  criteria: Array.from({ length: 13 }, (_, i) => ({ key: `c${i + 1}`, defaultWeight: 3 })),
  members: ["alice", "bob"],
};

describe("confidence rests on the voters behind each counted criterion", () => {
  it("gives none when each counted criterion rests on one voter, and says so", () => {
    // Alice scores only criterion 1, Bob only criterion 2: two voters, but each counted
    // criterion is one person's view; resampling them only drops criteria in and out.
    const rec = aggregate({
      ...template,
      votes: [
        { voterId: "alice", criterionKey: "c1", weight: 4, scores: { drf: 5, fastapi: 2 } },
        { voterId: "bob", criterionKey: "c2", weight: 3, scores: { drf: 3, fastapi: 4 } },
      ],
    });
    expect(rec.coverage.counted).toBe(2);
    expect(rec.winner).toBe("drf");
    expect(rec.confidence).toBeNull();
    expect(rec.singleVoterCriteria).toBe(2);
    expect(noConfidenceReason(rec)).toBe(
      "none yet (each counted criterion rests on one voter; it takes 2 on each to resample)",
    );
    // A page that has only the criteria (voters and whether counted) words it alike.
    const { singleVoterCriteria: _, ...fromCriteria } = rec;
    expect(noConfidenceReason(fromCriteria)).toBe(noConfidenceReason(rec));
  });

  it("gives none while some counted criterion rests on one voter, and says how many", () => {
    const rec = aggregate({
      ...template,
      votes: [
        { voterId: "alice", criterionKey: "c1", weight: 4, scores: { drf: 5, fastapi: 2 } },
        { voterId: "bob", criterionKey: "c1", weight: 3, scores: { drf: 4, fastapi: 3 } },
        { voterId: "bob", criterionKey: "c2", weight: 3, scores: { drf: 3, fastapi: 4 } },
      ],
    });
    expect(rec.confidence).toBeNull();
    expect(rec.singleVoterCriteria).toBe(1);
    expect(noConfidenceReason(rec)).toBe(
      "none yet (1 of the 2 counted criteria rests on one voter; it takes 2 on each to resample)",
    );
  });

  it("gives one once every counted criterion has two voters", () => {
    const rec = aggregate({
      ...template,
      votes: [
        { voterId: "alice", criterionKey: "c1", weight: 4, scores: { drf: 5, fastapi: 2 } },
        { voterId: "bob", criterionKey: "c1", weight: 3, scores: { drf: 4, fastapi: 3 } },
      ],
    });
    expect(rec.singleVoterCriteria).toBe(0);
    expect(rec.confidence).not.toBeNull();
    expect(noConfidenceReason(rec)).toBeNull();
  });

  it("never gives a confidence figure while a counted criterion rests on one voter", () => {
    fc.assert(
      fc.property(decisionArb, fc.constantFrom(...METHODS), (decision, method) => {
        const rec = aggregate(decision, { method, resamples: 20 });
        const thin = rec.criteria.filter((c) => c.counted && c.voters < 2).length;
        expect(rec.singleVoterCriteria).toBe(thin);
        if (thin > 0) {
          expect(rec.confidence).toBeNull();
          if (rec.winner !== null && rec.confidenceVoters >= 2) {
            expect(noConfidenceReason(rec)).toMatch(/rests? on one voter/);
          }
        }
      }),
    );
  });
});
