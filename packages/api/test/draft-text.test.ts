import { describe, expect, it } from "vitest";
import { approvalStatus } from "../src/services/draft/approval";
import { markdownListItems } from "../src/services/draft/draft-text";

describe("consequences from the draft's Markdown", () => {
  it("takes each list item, joins continuation lines, and keeps paragraphs outside lists", () => {
    expect(
      markdownListItems(
        "- No brokers to run.\n* Scales\n  without tuning.\n1. Numbered too\n\nA paragraph\nover two lines.\n",
      ),
    ).toEqual([
      "No brokers to run.",
      "Scales without tuning.",
      "Numbered too",
      "A paragraph over two lines.",
    ]);
    expect(markdownListItems("  \n\n")).toEqual([]);
  });
});

describe("the approval rule", () => {
  const people = [
    { userId: "a", name: "Ada" },
    { userId: "b", name: "Ben" },
    { userId: "c", name: "Cy" },
  ];
  /** Everyone named may still review (members and up). */
  const everyone = new Set(["a", "b", "c", "z"]);
  it("counts only current approvals of named decision-makers", () => {
    const reviews = [
      { userId: "a", verdict: "APPROVED" as const, textVersion: 3 },
      { userId: "b", verdict: "APPROVED" as const, textVersion: 2 }, // stale
      { userId: "c", verdict: "CHANGES_REQUESTED" as const, textVersion: 3 },
      { userId: "z", verdict: "APPROVED" as const, textVersion: 3 }, // not named
    ];
    expect(approvalStatus("ALL", people, reviews, 3, everyone)).toMatchObject({
      approved: 1,
      needed: 3,
      met: false,
      summary: "1 of 3 decision-makers approved; needs all.",
    });
    expect(approvalStatus("MAJORITY", people, reviews, 3, everyone).met).toBe(false);
    const fresh = reviews.map((r) => ({ ...r, textVersion: 3 }));
    expect(approvalStatus("MAJORITY", people, fresh, 3, everyone)).toMatchObject({
      approved: 2,
      met: true,
    });
  });

  it("does not count a decision-maker who can no longer review, and says who must be replaced", () => {
    const reviews = people.map((p) => ({
      userId: p.userId,
      verdict: "APPROVED" as const,
      textVersion: 1,
    }));
    const status = approvalStatus("ALL", people, reviews, 1, new Set(["a", "b"]));
    expect(status).toMatchObject({ approved: 2, needed: 3, met: false, cannotReview: ["c"] });
    expect(status.summary).toBe(
      "2 of 3 decision-makers approved; needs all. Cy can no longer review (not a member of the team, or a viewer): change the decision-makers.",
    );
    expect(approvalStatus("MAJORITY", people, reviews, 1, new Set(["a", "b"])).met).toBe(true);
  });

  it("is never met without a named decision-maker", () => {
    expect(approvalStatus("MAJORITY", [], [], 0, everyone)).toMatchObject({
      met: false,
      summary: "No decision-maker is named yet: name at least one.",
    });
  });
});
