import { describe, expect, it } from "vitest";
import { describeNotification } from "../src/services/notification/kinds";
import { describeEvent } from "../src/services/webhook/events";

const CHANGES = [
  ["project.closed", 'Ada closed voting on "Which queue?".'],
  ["decision.recorded", 'Ada recorded the decision on "Which queue?".'],
  ["project.superseded", 'Ada superseded "Which queue?" with a new decision.'],
] as const;

describe("a change to a decision, in the inbox and in a webhook's message", () => {
  for (const [kind, sentence] of CHANGES) {
    it(`${kind}: the same sentence in both`, () => {
      const facts = { actorName: "Ada", projectTitle: "Which queue?", teamName: "Core", data: {} };
      expect(describeNotification({ ...facts, kind })).toBe(sentence);
      expect(describeEvent({ ...facts, event: kind })).toBe(sentence);
    });
  }

  it("names someone and a decision when the actor and the project are gone", () => {
    const facts = { actorName: null, projectTitle: null, teamName: "Core", data: {} };
    expect(describeNotification({ ...facts, kind: "project.closed" })).toBe(
      "Someone closed voting on a decision.",
    );
    expect(describeEvent({ ...facts, event: "project.superseded" })).toBe(
      "Someone superseded a decision with a new decision.",
    );
  });
});
