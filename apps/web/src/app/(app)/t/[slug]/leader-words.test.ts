import { describe, expect, it } from "vitest";
import { ballotsWords, leaderWords } from "./leader-words";

const participation = (complete: number, eligible: number) => ({
  complete,
  partial: 0,
  none: eligible - complete,
  eligible,
  quorum: null,
  quorumMet: complete === eligible,
});

describe("leaderWords", () => {
  it("calls a leader resting on part of the criteria provisional and says what it rests on", () => {
    const words = leaderWords("OPEN", {
      status: "provisional",
      coverage: { counted: 3, total: 13, weightShare: 0.41 },
      participation: participation(0, 2),
    });
    expect(words).toEqual({
      label: "Provisional leader",
      basis:
        "Based on 3 of 13 criteria (41% of the weight) and 0 of 2 complete ballots (no quorum set: every member's ballot is needed).",
    });
  });

  it("calls a ready leader leading, and a decided one the result, each with its basis", () => {
    const ready = {
      status: "ready" as const,
      coverage: { counted: 4, total: 4, weightShare: 1 },
      participation: participation(2, 2),
    };
    expect(leaderWords("OPEN", ready)).toEqual({
      label: "Leading",
      basis: "Based on all 4 criteria and 2 of 2 complete ballots.",
    });
    expect(leaderWords("DECIDED", ready).label).toBe("Result");
    expect(leaderWords("DECIDED", { ...ready, status: "provisional" }).label).toBe(
      "Provisional result",
    );
  });
});

describe("ballotsWords", () => {
  it("never counts a partial ballot as a member having voted", () => {
    const leader = { participation: { ...participation(1, 4), partial: 2, none: 1 } };
    expect(ballotsWords({ voters: 3, eligible: 4, leader })).toBe(
      "1 of 4 ballots complete, 2 partial",
    );
    expect(
      ballotsWords({ voters: 2, eligible: 2, leader: { participation: participation(2, 2) } }),
    ).toBe("2 of 2 ballots complete");
  });

  it("says who started voting where the list has no ballots (a blind vote, nothing counted)", () => {
    expect(ballotsWords({ voters: 3, eligible: 4, leader: null })).toBe("3 of 4 started voting");
  });
});
