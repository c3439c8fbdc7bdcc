import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregate,
  flipFigures,
  flipText,
  roundToTotal,
  sharePercents,
  tieBreaks,
} from "../src/index";
import { weightedTotals, winnerIndex } from "../src/totals";
import { bordaBallots, closeBallots, decisionWithVotes, tiedBallots } from "./decisions";

describe("flip points as shown", () => {
  it("shows a flip point and today's importance with enough decimals to tell them apart", () => {
    expect(flipFigures(0.9666666, 1)).toEqual({ at: "0.97", now: "1.00" });
    expect(flipFigures(1.7142857, 1.6666667)).toEqual({ at: "1.71", now: "1.67" });
    expect(flipFigures(2.5, 4)).toEqual({ at: "2.5", now: "4.0" });
    expect(flipText(0.9666666, 1)).toBe("0.97 (now 1.00)");
  });

  it("never shows the two as the same number while they differ", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (flip, now) => {
          fc.pre(Math.abs(flip - now) > 1e-9);
          const shown = flipFigures(flip, now);
          expect(shown.at).not.toBe(shown.now);
          // Rounding keeps the order: a flip below today's reads as a smaller number.
          expect(Math.sign(Number(shown.at) - Number(shown.now))).toBe(Math.sign(flip - now));
        },
      ),
    );
  });

  it("the flip points of a worked example read apart from the importances they differ from", () => {
    // FastAPI leads by 1.0, and Eco's importance (1.0) flips it just below, Perf's (1.67) just
    // above.
    const decision = decisionWithVotes({ ballots: closeBallots });
    const rec = aggregate(decision);
    expect(rec.winner).toBe("fastapi");
    const [perf, eco] = rec.criteria;
    expect(flipText(eco?.flipAt ?? 0, eco?.importance ?? 0)).toBe("0.97 (now 1.00)");
    expect(flipText(perf?.flipAt ?? 0, perf?.importance ?? 0)).toBe("1.71 (now 1.67)");
  });
});

describe("rounded parts of a whole", () => {
  it("rounds three equal shares to 34%, 33% and 33%, which add up to 100%", () => {
    expect(sharePercents([1 / 3, 1 / 3, 1 / 3])).toEqual(["34%", "33%", "33%"]);
    expect(sharePercents([0.625, 0.375])).toEqual(["63%", "37%"]);
  });

  it("rounds points so that they add up to the total shown", () => {
    // 33.33 + 8.33 + 8.33 = 50.0: one decimal each would show 33.3 + 8.3 + 8.3 = 49.9.
    expect(roundToTotal([100 / 3, 25 / 3, 25 / 3], 1)).toEqual([33.4, 8.3, 8.3]);
    expect(roundToTotal([1.25, 1.25], 1, 2.5)).toEqual([1.3, 1.2]);
  });

  it("the rounded parts always add up to the rounded whole, each within one unit of its value", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 2 }),
        (values, decimals) => {
          const unit = 10 ** -decimals;
          const rounded = roundToTotal(values, decimals);
          const sum = values.reduce((a, b) => a + b, 0);
          const shown = rounded.reduce((a, b) => a + b, 0);
          expect(Math.abs(shown - Math.round(sum / unit) * unit)).toBeLessThan(unit / 2);
          rounded.forEach((r, i) => {
            expect(Math.abs(r - (values[i] ?? 0))).toBeLessThan(unit + 1e-9);
          });
        },
      ),
    );
  });

  it("shares that add up to 1 are shown as percentages that add up to 100%", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }),
        (importances) => {
          const sum = importances.reduce((a, b) => a + b, 0);
          fc.pre(sum > 0);
          const shown = sharePercents(importances.map((w) => w / sum));
          expect(shown.reduce((a, s) => a + Number.parseInt(s, 10), 0)).toBe(100);
        },
      ),
    );
  });
});

describe("what breaks a tie", () => {
  // One voter, three criteria of importance 3: DRF {5, 2, 2} and FastAPI {3, 3, 3} tie at 50.
  const tied = decisionWithVotes({ ballots: tiedBallots });

  it("names, per criterion, who leads when its importance moves a little up or down", () => {
    const rec = aggregate(tied);
    expect(rec.winner).toBeNull();
    expect(tieBreaks(rec)).toEqual([
      { criterionKey: "perf", importance: 3, above: "drf", below: "fastapi" },
      { criterionKey: "eco", importance: 3, above: "fastapi", below: "drf" },
      { criterionKey: "docs", importance: 3, above: "fastapi", below: "drf" },
    ]);
    // Perf at 4: DRF wins, as the review found.
    const perf4 = aggregate({
      ...tied,
      votes: tied.votes.map((v) => (v.criterionKey === "perf" ? { ...v, weight: 4 } : v)),
    });
    expect(perf4.winner).toBe("drf");
  });

  it("agrees with the totals recomputed a little either side of today's importance", () => {
    const rec = aggregate(tied);
    const importance = rec.criteria.map((c) => c.importance);
    const scores = rec.criteria.flatMap((c) => [c.scores.drf ?? 0, c.scores.fastapi ?? 0]);
    for (const [c, t] of tieBreaks(rec).entries()) {
      for (const [side, nudge] of [
        ["above", 0.01],
        ["below", -0.01],
      ] as const) {
        const moved = importance.map((w, k) => (k === c ? w + nudge : w));
        const winner = winnerIndex(weightedTotals(moved, scores, 2));
        expect(t[side]).toBe(["drf", "fastapi"][winner]);
      }
    }
  });

  it("has nothing to say when there is a winner, nothing is counted, or the method is Borda", () => {
    expect(tieBreaks(aggregate({ ...tied, votes: tied.votes.slice(0, 1) }))).toEqual([]);
    expect(tieBreaks(aggregate({ ...tied, votes: [] }))).toEqual([]);
    expect(tieBreaks(aggregate(tied, { method: "borda" }))).toEqual([]);
  });
});

describe("the Borda count's breakdown", () => {
  // Ana ranks DRF first, Ben FastAPI, Cai DRF: DRF gets 2 of the 3 points there are, 66.7.
  const borda = decisionWithVotes({ ballots: bordaBallots });

  it("credits no points to a criterion: the totals come from each member's own ranking", () => {
    const rec = aggregate(borda, { method: "borda" });
    expect(rec.totals[0]?.score).toBeCloseTo(200 / 3, 9);
    expect(rec.totals[1]?.score).toBeCloseTo(100 / 3, 9);
    for (const c of rec.criteria) {
      expect(c.contributions).toEqual({});
      expect(c.flipAt).toBeNull();
    }
  });

  it("under the weighted mean and the median, each option's points per criterion add up to its total", () => {
    for (const method of ["weighted-mean", "median"] as const) {
      const rec = aggregate(borda, { method });
      for (const t of rec.totals) {
        const sum = rec.criteria.reduce((a, c) => a + (c.contributions[t.optionKey] ?? 0), 0);
        expect(sum, method).toBeCloseTo(t.score ?? Number.NaN, 9);
      }
    }
  });
});
