import { aggregate } from "@tradeoff/scoring";
import { bordaBallots, decisionWithVotes, tiedBallots } from "@tradeoff/scoring/testing";
import { describe, expect, it } from "vitest";
import { criterionFigures } from "./result-figures";

describe("criterionFigures", () => {
  it("rounds three equal shares to add up to 100%, and each option's points to its total", () => {
    // One voter, three criteria of importance 3: DRF {5, 2, 2} scores 33.3 + 8.3 + 8.3 = 50.0.
    const decision = decisionWithVotes({ ballots: tiedBallots });
    const figures = criterionFigures(aggregate(decision));
    expect(figures?.get("perf")).toEqual({
      share: "34%",
      points: { drf: "33.4", fastapi: "16.7" },
    });
    expect(figures?.get("eco")).toEqual({ share: "33%", points: { drf: "8.3", fastapi: "16.7" } });
    expect(figures?.get("docs")).toEqual({ share: "33%", points: { drf: "8.3", fastapi: "16.6" } });
  });

  it("shows no points per criterion under the Borda count, whose totals they would not add up to", () => {
    const decision = decisionWithVotes({
      ballots: { ana: bordaBallots.ana, ben: bordaBallots.ben },
    });
    expect(criterionFigures(aggregate(decision, { method: "borda" }))).toBeNull();
  });
});
