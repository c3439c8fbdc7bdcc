import { describe, expect, it } from "vitest";
import { CHART_BASIS, chartPointBasisWords } from "./history-basis";

describe("what a point of the history chart rests on", () => {
  it("names the votes of then against the members of then", () => {
    expect(chartPointBasisWords({ membersThen: 3, votersThen: 2 }, "current")).toBe(
      "Votes of 2 of the 3 voting members of then",
    );
    expect(chartPointBasisWords({ membersThen: 4, votersThen: 4 }, "import")).toBe(
      "Votes of 4 of the file's 4 voters",
    );
  });

  it("says that members who left are counted at no point, rather than guessing who they were", () => {
    expect(CHART_BASIS).toContain("members who have left since are counted at no point");
  });
});
