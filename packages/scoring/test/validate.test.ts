import { describe, expect, it } from "vitest";
import { DecisionInputError, validateDecisionInput } from "../src/index";

const issuesOf = (x: unknown) => {
  try {
    validateDecisionInput(x);
  } catch (error) {
    if (error instanceof DecisionInputError) return error.issues;
    throw error;
  }
  return [];
};

const valid = {
  options: [{ key: "drf" }, { key: "fastapi" }],
  criteria: [{ key: "performance", name: "Performance", defaultWeight: 3 }],
  votes: [
    { voterId: "alice", criterionKey: "performance", weight: 4, scores: { drf: 2, fastapi: 5 } },
  ],
};

describe("validateDecisionInput", () => {
  it("accepts a valid decision and keeps descriptive extra fields", () => {
    const withExtras = {
      ...valid,
      title: "Billing API",
      criteria: [{ ...valid.criteria[0], description: "Speed" }],
    };
    expect(validateDecisionInput(withExtras)).toBe(withExtras);
  });

  it("lists every problem with its path, not just the first", () => {
    const issues = issuesOf({
      options: [{ key: "drf" }, { key: "drf" }],
      criteria: [{ key: "performance", defaultWeight: 9 }],
      votes: [
        { voterId: "alice", criterionKey: "speed", weight: 4, scores: { drf: 7 } },
        { voterId: "bob", criterionKey: "performance", weight: -1, scores: { rails: 3, drf: 0 } },
      ],
    });
    expect(issues).toEqual([
      { path: "options[1].key", message: 'duplicate option key "drf"' },
      { path: "criteria[0].defaultWeight", message: "must be a number from 0 to 5, got 9" },
      { path: "votes[0].criterionKey", message: 'unknown criterion "speed"' },
      { path: "votes[0].scores.drf", message: "must be null or a number from 1 to 5, got 7" },
      { path: "votes[1].weight", message: "must be null or a number from 0 to 5, got -1" },
      { path: "votes[1].scores.rails", message: 'unknown option "rails"' },
      { path: "votes[1].scores.drf", message: "must be null or a number from 1 to 5, got 0" },
    ]);
  });

  it("enforces 2 to 6 options and 1 to 30 criteria", () => {
    expect(issuesOf({ ...valid, options: [{ key: "drf" }] })).toContainEqual({
      path: "options",
      message: "must have 2 to 6 items, got 1",
    });
    const many = Array.from({ length: 31 }, (_, i) => ({ key: `c${i}`, defaultWeight: 1 }));
    expect(issuesOf({ ...valid, criteria: many, votes: [] })).toEqual([
      { path: "criteria", message: "must have 1 to 30 items, got 31" },
    ]);
  });

  it("allows one vote per member per criterion", () => {
    expect(issuesOf({ ...valid, votes: [...valid.votes, ...valid.votes] })).toEqual([
      {
        path: "votes[1]",
        message: 'second vote of "alice" on "performance" (one vote per criterion)',
      },
    ]);
  });

  it("checks voters against the members and the quorum against their number", () => {
    expect(issuesOf({ ...valid, members: ["bob"], quorum: 2 })).toEqual([
      { path: "quorum", message: "is 2 but there are only 1 members" },
      { path: "votes[0].voterId", message: '"alice" is not one of the members' },
    ]);
    expect(issuesOf({ ...valid, quorum: 1.5 })).toEqual([
      { path: "quorum", message: "must be a whole number of members, 0 or more, got 1.5" },
    ]);
  });

  it("explains wrong types instead of crashing", () => {
    expect(issuesOf(null)).toEqual([
      { path: "input", message: "must be an object with options, criteria and votes, got null" },
    ]);
    expect(issuesOf({ options: "drf", criteria: [], votes: {} })).toEqual([
      { path: "options", message: "must be an array of 2 to 6 items, got string" },
      { path: "criteria", message: "must have 1 to 30 items, got 0" },
      { path: "votes", message: "must be an array (it may be empty), got object" },
    ]);
    expect(
      issuesOf({
        ...valid,
        votes: [{ voterId: "", criterionKey: "performance", weight: "4", scores: null }],
      }),
    ).toEqual([
      { path: "votes[0].voterId", message: "must be a non-empty string" },
      { path: "votes[0].weight", message: 'must be null or a number from 0 to 5, got "4"' },
      { path: "votes[0].scores", message: "must be an object of option key to score, got null" },
    ]);
  });

  it("names the problems in the error message too, one per line", () => {
    expect(() =>
      validateDecisionInput({ ...valid, votes: [{ ...valid.votes[0], weight: 6 }] }),
    ).toThrow(
      "Invalid decision input (1 problem):\nvotes[0].weight: must be null or a number from 0 to 5, got 6",
    );
  });
});
