import { describe, expect, it } from "vitest";
import { quorumText } from "./quorum-text";

describe("quorumText", () => {
  it("shows the quorum the project sets", () => {
    expect(quorumText({ quorum: 2, quorumAsSet: 2, eligible: 5 })).toBe(
      "quorum 2 complete ballots",
    );
  });

  it("says a quorum larger than the team needs every member, with the number that was set", () => {
    expect(quorumText({ quorum: 3, quorumAsSet: 5, eligible: 3 })).toBe(
      "quorum 5 complete ballots (more than the team's 3 members: every member's ballot is needed)",
    );
    expect(quorumText({ quorum: 1, quorumAsSet: 4, eligible: 1 })).toBe(
      "quorum 4 complete ballots (more than the team's 1 member: every member's ballot is needed)",
    );
  });

  it("says nothing without a quorum", () => {
    expect(quorumText({ quorum: null, quorumAsSet: null, eligible: 4 })).toBe("");
  });
});
