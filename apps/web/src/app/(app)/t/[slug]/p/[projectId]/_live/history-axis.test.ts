import { describe, expect, it } from "vitest";
import { sliderPoint, timeAxis } from "./history-axis";

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
