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

  it("says how many votes of then the point leaves out because they cannot be read", () => {
    expect(
      chartPointBasisWords({ membersThen: 3, votersThen: 2, unreadableVotes: 1 }, "current"),
    ).toBe("Votes of 2 of the 3 voting members of then. 1 vote could not be read and is left out.");
    expect(
      chartPointBasisWords({ membersThen: 3, votersThen: 3, unreadableVotes: 2 }, "decision"),
    ).toBe("Votes of 3 of the record's 3 voters. 2 votes could not be read and are left out.");
    expect(
      chartPointBasisWords({ membersThen: 3, votersThen: 2, unreadableVotes: 0 }, "current"),
    ).toBe("Votes of 2 of the 3 voting members of then");
  });

  it("says that members who left are counted at no point, rather than guessing who they were", () => {
    expect(CHART_BASIS).toContain("members who have left since are counted at no point");
  });
});
