import { describe, expect, it } from "vitest";
import { historyAxisKind, orderAxis, sliderPoint, timeAxis } from "./history-axis";

const at = (iso: string) => Date.parse(iso);
const labels = (from: number, to: number, max?: number) => {
  const axis = timeAxis(from, to, max, "UTC");
  return axis.ticks.map(axis.label);
};

describe("timeAxis", () => {
  it("labels a history of a few seconds with seconds, each tick distinct", () => {
    const shown = labels(at("2026-12-03T12:50:01.200Z"), at("2026-12-03T12:50:09.900Z"));
    expect(shown).toEqual(["12:50:05"]);
    const wider = labels(at("2026-12-03T12:50:01Z"), at("2026-12-03T12:51:30Z"));
    expect(wider).toEqual(["12:50:30", "12:51:00", "12:51:30"]);
  });

  it("labels minutes without the date within one day, and with it across days", () => {
    expect(labels(at("2026-12-03T12:00:00Z"), at("2026-12-03T13:00:00Z"))).toEqual([
      "12:00",
      "12:15",
      "12:30",
      "12:45",
      "13:00",
    ]);
    const across = labels(at("2026-12-03T20:00:00Z"), at("2026-12-04T08:00:00Z"));
    expect(across).toEqual(["Dec 3, 21:00", "Dec 4, 00:00", "Dec 4, 03:00", "Dec 4, 06:00"]);
  });

  it("never repeats a label, whatever the span, and keeps to the tick budget", () => {
    const from = at("2026-01-01T00:00:00Z");
    for (const span of [0, 999, 61_000, 3_600_000, 86_400_000 * 3, 86_400_000 * 400]) {
      const shown = labels(from, from + span);
      expect(new Set(shown).size).toBe(shown.length);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThanOrEqual(6);
    }
  });
});

describe("historyAxisKind", () => {
  const start = at("2026-12-05T12:50:01Z");

  it("orders the changes when they were all recorded in the same second, as a sample's are", () => {
    // A time axis would stack the 36 points on one vertical line.
    expect(historyAxisKind(Array(36).fill(start), true)).toBe("order");
    // Still after the reader votes on three criteria a few minutes later.
    const later = [1, 2, 3].map((i) => start + 5 * 60_000 + i * 20_000);
    expect(historyAxisKind([...Array(36).fill(start), ...later], true)).toBe("order");
  });

  it("keeps the time axis for changes spread out in time, and for thinned or single points", () => {
    const daily = [0, 1, 2, 3, 4].map((d) => start + d * 86_400_000);
    expect(historyAxisKind(daily, true)).toBe("time");
    const minutes = [0, 3, 7, 12].map((m) => start + m * 60_000);
    expect(historyAxisKind(minutes, true)).toBe("time");
    // Thinned points' positions are not their numbers: time it is, even when bunched.
    expect(historyAxisKind(Array(36).fill(start), false)).toBe("time");
    expect(historyAxisKind([start], true)).toBe("time");
  });
});

describe("orderAxis", () => {
  const labels = (count: number) => {
    const axis = orderAxis(count);
    return axis.ticks.map(axis.label);
  };

  it("numbers the changes from 1 to the last, in round steps, each label once", () => {
    expect(labels(36)).toEqual(["1", "10", "20", "30", "36"]);
    expect(labels(3)).toEqual(["1", "2", "3"]);
    expect(labels(2)).toEqual(["1", "2"]);
    expect(labels(1)).toEqual(["1"]);
    for (const count of [4, 7, 11, 50, 99, 400]) {
      const shown = labels(count);
      expect(new Set(shown).size).toBe(shown.length);
      expect(shown.length).toBeLessThanOrEqual(7);
      expect(shown[0]).toBe("1");
      expect(shown.at(-1)).toBe(String(count));
    }
  });

  it("puts each tick at its change's position, the first at 0", () => {
    expect(orderAxis(36).ticks).toEqual([0, 9, 19, 29, 35]);
  });
});

describe("sliderPoint", () => {
  const points = [
    { eventId: "4", at: "2026-12-03T12:50:01Z" },
    { eventId: "9", at: "2026-12-03T12:50:03Z" },
    { eventId: "12", at: "2026-12-03T12:51:00Z" },
  ];

  it("starts at the current state, the last change, and marks it as the latest", () => {
    expect(sliderPoint(points, null)).toEqual({ index: 2, point: points[2], latest: true });
  });

  it("shows the first real state at the first position, not the empty one before it", () => {
    expect(sliderPoint(points, 0)).toEqual({ index: 0, point: points[0], latest: false });
    expect(sliderPoint(points, -3).point?.eventId).toBe("4");
    expect(sliderPoint(points, 99)).toMatchObject({ index: 2, latest: true });
  });
});
