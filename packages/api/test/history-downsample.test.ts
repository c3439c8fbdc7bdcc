import type { TimelinePoint } from "@tradeoff/scoring";
import { describe, expect, it } from "vitest";
import { downsample } from "../src/services/history/load-timeline";

const point = (index: number, winner: string | null): TimelinePoint => ({
  at: index,
  index,
  totals: [index, 100 - index],
  winner,
  margin: 1,
});

describe("thinning the history chart", () => {
  it("keeps every point of a short history", () => {
    const points = [point(0, "a"), point(1, "b")];
    expect(downsample(points, 400)).toBe(points);
  });

  it("keeps the first and last moments and every change of winner, within twice the budget", () => {
    // The winner flips at 3 moments scattered through 100,000 points.
    const flips = new Set([12_345, 50_001, 99_998]);
    let winner = "a";
    const points = Array.from({ length: 100_000 }, (_, i) => {
      if (flips.has(i)) winner = winner === "a" ? "b" : "a";
      return point(i, winner);
    });
    const kept = downsample(points, 400);
    expect(kept.length).toBeLessThanOrEqual(800);
    expect(kept.length).toBeGreaterThanOrEqual(400);
    expect(kept[0]?.index).toBe(0);
    expect(kept.at(-1)?.index).toBe(99_999);
    const indexes = new Set(kept.map((p) => p.index));
    for (const flip of flips) {
      expect(indexes.has(flip - 1) && indexes.has(flip)).toBe(true);
    }
    expect(kept.map((p) => p.index)).toEqual([...indexes].sort((a, b) => a - b));
  });
});
