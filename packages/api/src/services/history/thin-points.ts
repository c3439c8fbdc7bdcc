import type { TimelinePoint } from "@tradeoff/scoring";

/**
 * Which positions of a history of `count` points the chart keeps: all of a short history;
 * otherwise the first, the last of each of `max` equal slices, and both sides of each change of
 * winner (`changes`: ascending positions whose winner differs from the one before), within
 * twice the budget.
 */
export function thinPositions(count: number, max: number, changes: Iterable<number>): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const keep = new Set<number>([0, count - 1]);
  const step = count / max;
  for (let b = 1; b <= max; b++) keep.add(Math.min(count - 1, Math.ceil(b * step) - 1));
  for (const i of changes) {
    if (keep.size >= max * 2 - 1) break;
    keep.add(i - 1);
    keep.add(i);
  }
  return [...keep].sort((a, b) => a - b);
}

/**
 * How many changes of winner `thinPositions` may look at: each adds a position unless it falls
 * on a slice's end right after another change (at most max + 2 of those), so past this many
 * the budget is spent.
 */
export const changesNeeded = (max: number) => 3 * max + 2;

/** `thinPositions` over points in memory (the reference the kept timeline is tested against). */
export function downsample(points: TimelinePoint[], max: number): TimelinePoint[] {
  if (points.length <= max) return points;
  const changes: number[] = [];
  for (let i = 1; i < points.length; i++) {
    if (points[i]?.winner !== points[i - 1]?.winner) changes.push(i);
  }
  return thinPositions(points.length, max, changes).map((i) => points[i] as TimelinePoint);
}
