import { describe, expect, it } from "vitest";
import { editSpan } from "./edit-span";

const shown = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });
const time = new Intl.DateTimeFormat("en", { timeStyle: "medium" });

describe("the times of a history entry", () => {
  it("shows one time for edits folded within the same second, not the same time twice", () => {
    const at = "2026-12-06T17:20:06.100Z";
    expect(editSpan(at, "2026-12-06T17:20:06.900Z")).toEqual({
      start: shown.format(new Date(at)),
      end: null,
    });
  });

  it("shows until when, as a time of day, for folded edits that span seconds of one day", () => {
    const last = "2026-12-06T17:21:40.000Z";
    expect(editSpan("2026-12-06T17:20:06.000Z", last).end).toBe(time.format(new Date(last)));
  });

  it("gives the date too when the last edit fell on another day than the first", () => {
    const last = "2026-12-07T17:20:06.000Z";
    expect(editSpan("2026-12-06T17:20:06.000Z", last).end).toBe(shown.format(new Date(last)));
  });

  it("has no end for a single change", () => {
    expect(editSpan("2026-12-06T17:20:06.000Z", null).end).toBeNull();
  });
});
