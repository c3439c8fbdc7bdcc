import { describe, expect, it } from "vitest";
import { readableVotes } from "../src/services/project/load-decision";

const OPTIONS = new Set(["pg", "mongo"]);
const stored = {
  voterId: "u1",
  criterionKey: "cost",
  weight: 4,
  rationale: "cheaper to run",
  updatedAt: "2026-12-01T10:00:00.000Z",
};

describe("readableVotes", () => {
  it("reads current options' scores and the vote's other fields, dates as dates", () => {
    const read = readableVotes(
      [{ ...stored, scores: { pg: 5, mongo: 2, removed: 3 }, noOpinion: false }],
      OPTIONS,
    );
    expect(read).toEqual({
      votes: [
        {
          voterId: "u1",
          criterionKey: "cost",
          weight: 4,
          scores: { pg: 5, mongo: 2 },
          rationale: "cheaper to run",
          updatedAt: new Date("2026-12-01T10:00:00.000Z"),
        },
      ],
      unreadableVotes: 0,
    });
  });

  it("marks a no-opinion vote, and leaves out and counts votes whose scores cannot be read", () => {
    const read = readableVotes(
      [
        { ...stored, scores: "not json {", noOpinion: false },
        { ...stored, voterId: "u2", scores: {}, noOpinion: true },
        { ...stored, voterId: "u3", scores: "[oops" },
      ],
      OPTIONS,
    );
    expect(read.unreadableVotes).toBe(2);
    expect(read.votes).toHaveLength(1);
    expect(read.votes[0]).toMatchObject({ voterId: "u2", noOpinion: true });
  });
});
