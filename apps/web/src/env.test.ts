import { describe, expect, it } from "vitest";
import { historyEnv } from "./env";

describe("HISTORY_FOLD_SECONDS", () => {
  it("defaults to two minutes and takes a whole number of seconds up to an hour", () => {
    expect(historyEnv({}).HISTORY_FOLD_SECONDS).toBe(120);
    expect(historyEnv({ HISTORY_FOLD_SECONDS: " " }).HISTORY_FOLD_SECONDS).toBe(120);
    expect(historyEnv({ HISTORY_FOLD_SECONDS: "0" }).HISTORY_FOLD_SECONDS).toBe(0);
    expect(historyEnv({ HISTORY_FOLD_SECONDS: " 300 " }).HISTORY_FOLD_SECONDS).toBe(300);
    expect(historyEnv({ HISTORY_FOLD_SECONDS: "3600" }).HISTORY_FOLD_SECONDS).toBe(3600);
  });

  it("refuses anything else, saying what it takes", () => {
    for (const value of ["-1", "1.5", "2m", "3601", "1e3", "0x10"]) {
      expect(() => historyEnv({ HISTORY_FOLD_SECONDS: value }), value).toThrow(
        "HISTORY_FOLD_SECONDS must be a whole number of seconds from 0 (every edit its own history entry) to 3600, such as 120.",
      );
    }
  });
});
