import { describe, expect, it } from "vitest";
import { leaderWords, ownLeanWords, personalWinnerWords, roundChangeWords } from "./outcome-words";

const nameOf = (key: string) => ({ drf: "DRF", fastapi: "FastAPI" })[key] ?? key;

describe("roundChangeWords", () => {
  it("gives a change only between two totals", () => {
    expect(roundChangeWords(40, 37.5)).toBe("40.0 → 37.5 (-2.5)");
    expect(roundChangeWords(37.5, 37.52)).toBe("37.5 → 37.5 (no change)");
  });

  it("says an option was not scored before, with no change to show", () => {
    expect(roundChangeWords(null, 37.5)).toBe(
      "not scored in that round → 37.5 (no earlier total to compare)",
    );
    expect(roundChangeWords(40, null)).toBe("40.0 → not scored yet");
    expect(roundChangeWords(null, null)).toBe("not scored in that round, nor yet in this one");
    expect(roundChangeWords(undefined, 37.5)).toBe("new in this round → 37.5");
  });
});

describe("leaderWords", () => {
  it("names the leader, a tie, or that nothing was scored: never a made-up winner", () => {
    const scored = [
      { optionKey: "drf", score: 50 },
      { optionKey: "fastapi", score: 50 },
    ];
    expect(leaderWords({ winner: "drf", totals: scored }, nameOf)).toBe("DRF");
    expect(leaderWords({ winner: null, totals: scored }, nameOf)).toBe(
      "a tie, so no recommendation",
    );
    const unscored = scored.map((t) => ({ ...t, score: null }));
    expect(leaderWords({ winner: null, totals: unscored }, nameOf)).toBe(
      "no recommendation (nothing was scored)",
    );
    expect(leaderWords({ winner: null, totals: [] }, nameOf)).toBe(
      "no recommendation (nothing was scored)",
    );
  });
});

describe("a member's own result", () => {
  it("says a member who gave only importances has not scored yet, not that it is a tie", () => {
    const unscored = [
      { optionKey: "drf", score: null },
      { optionKey: "fastapi", score: null },
    ];
    expect(ownLeanWords({ winner: null, totals: unscored }, nameOf)).toBe(
      "You have not scored every option on a criterion yet, so your votes lean towards no option.",
    );
    expect(
      ownLeanWords(
        {
          winner: null,
          totals: unscored.map((t) => ({ ...t, score: 50 })),
        },
        nameOf,
      ),
    ).toBe("Your own totals are tied at the top: you lean towards no single option.");
    expect(personalWinnerWords({ winner: null, scored: false }, nameOf)).toBe("Not scored yet");
    expect(personalWinnerWords({ winner: null, scored: true }, nameOf)).toBe("A tie");
    expect(personalWinnerWords({ winner: "fastapi", scored: true }, nameOf)).toBe("FastAPI");
  });
});
