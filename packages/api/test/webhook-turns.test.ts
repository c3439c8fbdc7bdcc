import { describe, expect, it } from "vitest";
import { TeamTurns, turnWaitMs } from "../src/services/webhook/turns";

describe("webhook workers shared between teams", () => {
  it("gives one team at most its share at once, and other teams theirs", () => {
    const turns = new TeamTurns(2);
    const first = turns.take("team-a");
    const second = turns.take("team-a");
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(turns.take("team-a")).toBeNull();
    expect(turns.take("team-b")).not.toBeNull();
    // A worker given back (once, however often it is called) is the team's again.
    first?.();
    first?.();
    expect(turns.take("team-a")).not.toBeNull();
    expect(turns.take("team-a")).toBeNull();
  });

  it("waits 1 s, then twice as long each time, at most the 10 s a delivery can take", () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(turnWaitMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000,
    ]);
  });
});
