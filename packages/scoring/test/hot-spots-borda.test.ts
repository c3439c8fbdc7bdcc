import { describe, expect, it } from "vitest";
import { aggregate, type DecisionInput, hotSpots, hotSpotsBasis } from "../src/index";

/**
 * Two members. "cost" matters a lot to both (importance 5) and they differ a little on it;
 * "docs" matters little (importance 1) and they disagree completely on the scores.
 * Weighted by the team's importance, cost's small spread outweighs docs' large one.
 */
const decision: DecisionInput = {
  options: [
    { key: "a", name: "A" },
    { key: "b", name: "B" },
  ],
  criteria: [
    { key: "cost", defaultWeight: 3 },
    { key: "docs", defaultWeight: 3 },
  ],
  votes: [
    { voterId: "ana", criterionKey: "cost", weight: 5, scores: { a: 5, b: 2 } },
    { voterId: "ben", criterionKey: "cost", weight: 5, scores: { a: 3, b: 2 } },
    { voterId: "ana", criterionKey: "docs", weight: 1, scores: { a: 1, b: 5 } },
    { voterId: "ben", criterionKey: "docs", weight: 1, scores: { a: 5, b: 1 } },
  ],
};

describe("where the team disagrees most, by method", () => {
  it("weights disagreement by the team's importance under the weighted mean", () => {
    const rec = aggregate(decision, { method: "weighted-mean" });
    const cost = rec.criteria[0];
    const docs = rec.criteria[1];
    // The premise: docs is the more contested, cost the heavier by far.
    expect(docs?.disagreement).toBeGreaterThan(cost?.disagreement ?? 1);
    expect((cost?.disagreement ?? 0) * (cost?.weight ?? 0)).toBeGreaterThan(
      (docs?.disagreement ?? 0) * (docs?.weight ?? 0),
    );
    expect(hotSpots(rec.criteria, 3, rec.method).map((h) => h.criterionKey)).toEqual([
      "cost",
      "docs",
    ]);
    expect(hotSpotsBasis(rec.method)).toBe(
      "Where the team disagrees most, ranked by disagreement × the team's importance of the criterion, highest first.",
    );
  });

  it("ranks by disagreement alone under the Borda count, which gives no criterion a team weight, and says so", () => {
    const rec = aggregate(decision, { method: "borda" });
    const spots = hotSpots(rec.criteria, 3, rec.method);
    expect(spots.map((h) => h.criterionKey)).toEqual(["docs", "cost"]);
    expect(spots[0]?.weighted).toBe(rec.criteria[1]?.disagreement);
    expect(hotSpotsBasis("borda")).toContain("ranked by disagreement alone");
    expect(hotSpotsBasis("borda")).not.toContain("weighted by");
  });
});
