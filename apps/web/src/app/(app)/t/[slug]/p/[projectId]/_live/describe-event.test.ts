import { describe, expect, it } from "vitest";
import { describeEvent } from "./describe-event";

const sentence = (type: string, data: Record<string, unknown> | null = {}, criterion = null) =>
  describeEvent({ type, data }, criterion);

describe("describeEvent", () => {
  it("names a vote and its criterion, also when the vote's values are hidden", () => {
    expect(describeEvent({ type: "vote.cast", data: null }, "Performance")).toBe(
      "voted on Performance",
    );
    expect(describeEvent({ type: "vote.retracted", data: null }, "Ecosystem")).toBe(
      "withdrew their vote on Ecosystem",
    );
  });

  it("says in words what the record's, the draft's and the tags' events did", () => {
    expect(sentence("decision.recorded", { chosenOptionKey: "fastapi", revision: 1 })).toBe(
      "recorded the decision",
    );
    expect(sentence("decision.revised", { revision: 3 })).toBe("revised the record (revision 3)");
    expect(
      sentence("decision.superseded", {
        successors: [{ id: "p2", number: 2, title: "Move the API to FastAPI" }],
      }),
    ).toBe("marked the decision superseded by Move the API to FastAPI");
    expect(sentence("project.tagged", { before: [], after: ["backend", "api"] })).toBe(
      "set the tags to backend, api",
    );
    expect(sentence("project.tagged", { before: ["api"], after: [] })).toBe(
      "removed the decision's tags",
    );
    expect(sentence("project.imported", { decided: true, file: "0001-use-fastapi.md" })).toBe(
      "imported the decision from 0001-use-fastapi.md",
    );
    expect(sentence("draft.review.given", { verdict: "CHANGES_REQUESTED" })).toBe(
      "requested changes to the record's draft",
    );
  });

  it("shows the type itself only for an event it does not know, never a prototype's key", () => {
    expect(sentence("something.new")).toBe("something.new");
    expect(sentence("toString")).toBe("toString");
  });
});
