// @vitest-environment jsdom
import { act } from "react";
import { describe, expect, it } from "vitest";
import { useReactRoot } from "~/test/react-root";
import { RecordDocument, type RecordView, recordTime } from "./record-document";

const options = [
  { key: "kafka", name: "Kafka", description: "" },
  { key: "sqs", name: "SQS", description: "" },
];
const participation = {
  complete: 2,
  partial: 0,
  none: 0,
  eligible: 2,
  quorum: null,
  quorumMet: true,
  basis: "current",
};

/** A draft record (no decision yet) whose result is `totals` with no single winner. */
function draftView(scores: (number | null)[]) {
  return {
    options,
    criteria: [],
    result: {
      winner: null,
      margin: 0,
      confidence: null,
      confidenceVoters: 2,
      totals: options.map((o, i) => ({ optionKey: o.key, score: scores[i] ?? null, rank: null })),
      criteria: [],
    },
    participation,
    coverage: { counted: 2, total: 2, weightShare: 1 },
    status: "ready",
    decision: null,
    draft: true,
    votes: [],
    project: { votingMode: "OPEN" },
    supersedes: [],
    supersededBy: [],
  } as unknown as RecordView;
}

describe("the record's outcome", () => {
  const mounted = useReactRoot();
  const text = () => (mounted.container.textContent ?? "").replace(/\s+/g, " ");

  it("a tie recommends nothing: no option called none", () => {
    act(() => mounted.root.render(<RecordDocument view={draftView([50, 50])} />));
    expect(text()).not.toMatch(/Recommended[^.]*: ?none/);
    expect(text()).toContain(
      "Not decided yet. The team's votes end in a tie: there is no recommendation.",
    );
  });

  it("nothing scored recommends nothing either, and says why", () => {
    act(() => mounted.root.render(<RecordDocument view={draftView([null, null])} />));
    expect(text()).not.toMatch(/Recommended[^.]*: ?none/);
    expect(text()).toContain(
      "Not decided yet. No criterion has a score for every option yet: there is no recommendation.",
    );
  });

  it("times on the record page are in UTC and say so, like its dates", () => {
    // 10:59 PM on Dec 5 in Los Angeles is Dec 6 in UTC, the day the record's dates show.
    expect(recordTime("2026-12-06T06:59:00.000Z")).toBe("Dec 6, 2026, 6:59 AM UTC");
  });
});
