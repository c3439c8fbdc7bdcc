import { describe, expect, it } from "vitest";
import { historyBasisWords } from "./history-basis";

describe("historyBasisWords", () => {
  it("says a past moment counts the members of then, and how many joined since", () => {
    expect(historyBasisWords({ votersFrom: "current", membersThen: 2, joinedSince: 1 })).toBe(
      "Ballots counted against the 2 voting members of then (1 more joined since); members who have left since are not counted.",
    );
    expect(historyBasisWords({ votersFrom: "current", membersThen: 1, joinedSince: 0 })).toBe(
      "Ballots counted against the 1 voting member of then; members who have left since are not counted.",
    );
  });

  it("says nothing for a record's kept voters or an imported file's, which the page names", () => {
    expect(historyBasisWords({ votersFrom: "decision", membersThen: 3, joinedSince: 0 })).toBe("");
    expect(historyBasisWords({ votersFrom: "import", membersThen: 3, joinedSince: 0 })).toBe("");
  });
});
