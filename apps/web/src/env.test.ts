import { describe, expect, it } from "vitest";
import { historyEnv, shutdownEnv } from "./env";

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

describe("SHUTDOWN_GRACE_SECONDS", () => {
  it("defaults to ten seconds when unset or empty", () => {
    expect(shutdownEnv({}).SHUTDOWN_GRACE_SECONDS).toBe(10);
    expect(shutdownEnv({ SHUTDOWN_GRACE_SECONDS: "" }).SHUTDOWN_GRACE_SECONDS).toBe(10);
    expect(shutdownEnv({ SHUTDOWN_GRACE_SECONDS: "  " }).SHUTDOWN_GRACE_SECONDS).toBe(10);
    expect(shutdownEnv({ SHUTDOWN_GRACE_SECONDS: "0" }).SHUTDOWN_GRACE_SECONDS).toBe(0);
    expect(shutdownEnv({ SHUTDOWN_GRACE_SECONDS: " 30 " }).SHUTDOWN_GRACE_SECONDS).toBe(30);
    expect(shutdownEnv({ SHUTDOWN_GRACE_SECONDS: "2.5" }).SHUTDOWN_GRACE_SECONDS).toBe(2.5);
  });

  it("refuses anything else, saying what it takes", () => {
    for (const value of ["-1", "ten", "601", "1e2", "0x10", "Infinity"]) {
      expect(() => shutdownEnv({ SHUTDOWN_GRACE_SECONDS: value }), value).toThrow(
        "SHUTDOWN_GRACE_SECONDS must be a number of seconds from 0 to 600, such as 10",
      );
    }
  });
});
