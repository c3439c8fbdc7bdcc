import { describe, expect, it } from "vitest";
import { aggregate, type DecisionInput, flipCellText, sensitivity } from "../src/index";

/**
 * Two options and two criteria, one voter. The winner's lead rests on `moving`; on `steady`
 * the options' points differ by `steadyGap` (importance times points).
 */
function decision(moving: Record<string, number>, steady: Record<string, number>, w: number) {
  return {
    options: [
      { key: "a", name: "A" },
      { key: "b", name: "B" },
    ],
    criteria: [
      { key: "moving", defaultWeight: 3 },
      { key: "steady", defaultWeight: 3 },
    ],
    votes: [
      { voterId: "ana", criterionKey: "moving", weight: 2, scores: moving },
      { voterId: "ana", criterionKey: "steady", weight: w, scores: steady },
    ],
  } satisfies DecisionInput;
}

describe("an importance at an end of the range only ties", () => {
  it("a lead that vanishes exactly at importance 0 is a tie there, not a flip below 0", () => {
    // steady scores A and B alike, so at moving = 0 the totals are equal; A leads at any x > 0.
    const rec = aggregate(decision({ a: 5, b: 1 }, { a: 3, b: 3 }, 4));
    expect(rec.winner).toBe("a");
    const moving = rec.criteria[0];
    expect(moving?.flipAt).toBeNull();
    expect(moving?.tiesAt).toBe(0);
    expect(flipCellText(moving ?? { flipAt: null, importance: 0 })).toBe("ties at 0 (now 2.0)");
    expect(sensitivity(rec.criteria)).toEqual([
      { criterionKey: "moving", importance: 2, flipAt: 0, direction: "below", tie: true },
    ]);
  });

  it("a lead that vanishes exactly at importance 5 is a tie there, not a flip above 5", () => {
    // A = (2 * 0 + 5 * 100) / 7, B = (2 * 100 + 0) / 7; at moving = 5 both are 500 / 10.
    const rec = aggregate(decision({ a: 1, b: 5 }, { a: 5, b: 1 }, 5));
    expect(rec.winner).toBe("a");
    const moving = rec.criteria[0];
    expect(moving?.flipAt).toBeNull();
    expect(moving?.tiesAt).toBe(5);
    expect(flipCellText(moving ?? { flipAt: null, importance: 0 })).toBe("ties at 5 (now 2.0)");
  });

  it("a flip inside the range stays a flip, and a criterion with neither shows none", () => {
    // A = (2 * 100 + 3 * 0) / 5 = 40, B = (0 + 3 * 50) / 5 = 30: equal at moving = 1.5.
    const rec = aggregate(decision({ a: 5, b: 1 }, { a: 1, b: 3 }, 3));
    expect(rec.winner).toBe("a");
    const [moving, steady] = rec.criteria;
    expect(moving?.flipAt).toBeCloseTo(1.5, 12);
    expect(moving?.tiesAt).toBeNull();
    expect(flipCellText(moving ?? { flipAt: null, importance: 0 })).toBe("1.5 (now 2.0)");
    expect(steady?.flipAt).not.toBeNull();
    expect(flipCellText({ flipAt: null, tiesAt: null, importance: 3 })).toBe("-");
  });
});
