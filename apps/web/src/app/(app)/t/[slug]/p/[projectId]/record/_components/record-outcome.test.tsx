// @vitest-environment jsdom
import {
  AppRouterContext,
  type AppRouterInstance,
} from "next/dist/shared/lib/app-router-context.shared-runtime";
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

/**
 * A decision recorded on a ready result with `then` stored votes unreadable (absent: a record
 * kept before that count was), of which `now` cannot be read today.
 */
function recordedView(then: number | undefined, now: number) {
  return {
    ...draftView([25, 100]),
    result: { ...draftView([25, 100]).result, winner: "sqs", margin: 75 },
    unreadableVotes: now,
    draft: false,
    decision: {
      chosenOptionKey: "sqs",
      recommendedKey: "sqs",
      justification: "",
      rationale: "It leads.",
      consequences: { good: [], neutral: [], bad: [] },
      decisionMakers: [],
      consulted: [],
      informed: [],
      confirmation: null,
      links: [],
      reviewDate: null,
      revision: 1,
      decidedAt: "2026-12-06T06:59:00.000Z",
      decidedBy: "Ada",
      revisedBy: null,
      approvals: [],
      overrideReason: null,
      imported: null,
      coverage: {
        counted: 2,
        total: 2,
        weightShare: 1,
        complete: 2,
        voted: 2,
        eligible: 2,
        status: "ready",
        ...(then === undefined ? {} : { unreadableVotes: then }),
      },
    },
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

  it("says the unreadable votes a decision was recorded with, and today's as today's", () => {
    const decided = "Decided with 2 of 2 criteria counted, on 2 complete ballots of 2 members.";
    // The record's texts are rendered on the server; a text it has not rendered asks the router
    // for a refresh, which this page has nothing to give.
    const router = { refresh: () => {} } as unknown as AppRouterInstance;
    const show = (view: RecordView) =>
      act(() =>
        mounted.root.render(
          <AppRouterContext.Provider value={router}>
            <RecordDocument view={view} />
          </AppRouterContext.Provider>,
        ),
      );
    const coverage = () =>
      mounted.container.querySelector("[data-testid='record-coverage']")?.textContent ?? "";
    show(recordedView(1, 1));
    expect(coverage()).toContain(
      `${decided} When recorded, 1 vote could not be read and was left out.`,
    );
    show(recordedView(0, 2));
    expect(coverage()).toContain(
      `${decided} Every stored vote could be read when recorded. 2 stored votes cannot be read now and are left out.`,
    );
    // A record kept before the count was: nothing said of then, today's said as today's.
    show(recordedView(undefined, 1));
    expect(coverage()).toContain(`${decided} 1 stored vote cannot be read now and is left out.`);
    expect(coverage()).not.toContain("recorded.");
  });

  it("times on the record page are in UTC and say so, like its dates", () => {
    // 10:59 PM on Dec 5 in Los Angeles is Dec 6 in UTC, the day the record's dates show.
    expect(recordTime("2026-12-06T06:59:00.000Z")).toBe("Dec 6, 2026, 6:59 AM UTC");
  });
});
