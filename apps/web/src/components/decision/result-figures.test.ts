import { aggregate, type DecisionInput } from "@tradeoff/scoring";
import { describe, expect, it } from "vitest";
import { criterionFigures } from "./result-figures";

const options = [
  { key: "drf", name: "DRF" },
  { key: "fastapi", name: "FastAPI" },
];

describe("criterionFigures", () => {
  it("rounds three equal shares to add up to 100%, and each option's points to its total", () => {
    // One voter, three criteria of importance 3: DRF {5, 2, 2} scores 33.3 + 8.3 + 8.3 = 50.0.
    const decision: DecisionInput = {
      options,
      criteria: ["perf", "eco", "docs"].map((key) => ({ key, defaultWeight: 3 })),
      votes: [
        { voterId: "ana", criterionKey: "perf", weight: 3, scores: { drf: 5, fastapi: 3 } },
        { voterId: "ana", criterionKey: "eco", weight: 3, scores: { drf: 2, fastapi: 3 } },
        { voterId: "ana", criterionKey: "docs", weight: 3, scores: { drf: 2, fastapi: 3 } },
      ],
    };
    const figures = criterionFigures(aggregate(decision));
    expect(figures?.get("perf")).toEqual({
      share: "34%",
      points: { drf: "33.4", fastapi: "16.7" },
    });
    expect(figures?.get("eco")).toEqual({ share: "33%", points: { drf: "8.3", fastapi: "16.7" } });
    expect(figures?.get("docs")).toEqual({ share: "33%", points: { drf: "8.3", fastapi: "16.6" } });
  });

  it("shows no points per criterion under the Borda count, whose totals they would not add up to", () => {
    const decision: DecisionInput = {
      options,
      criteria: [
        { key: "perf", defaultWeight: 3 },
        { key: "eco", defaultWeight: 3 },
      ],
      votes: [
        { voterId: "ana", criterionKey: "perf", weight: 5, scores: { drf: 5, fastapi: 1 } },
        { voterId: "ana", criterionKey: "eco", weight: 1, scores: { drf: 1, fastapi: 5 } },
        { voterId: "ben", criterionKey: "perf", weight: 1, scores: { drf: 4, fastapi: 3 } },
        { voterId: "ben", criterionKey: "eco", weight: 5, scores: { drf: 1, fastapi: 5 } },
      ],
    };
    expect(criterionFigures(aggregate(decision, { method: "borda" }))).toBeNull();
  });
});
