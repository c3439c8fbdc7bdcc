import { describe, expect, it } from "vitest";
import {
  coverageBasis,
  coverageLine,
  decidedWithLine,
  notCountedReason,
  recordedCoverageLine,
} from "../src/describe";
import { hotSpotMeasure, hotSpots, hotSpotsBasis, sensitivity } from "../src/insights";
import type { CriterionResult } from "../src/types";

const criterion = (over: Partial<CriterionResult> & { key: string }): CriterionResult => ({
  importance: 3,
  weight: 0.25,
  meanImportance: 3,
  counted: true,
  missingOptions: [],
  scores: { a: 3, b: 3 },
  contributions: { a: 0.75, b: 0.75 },
  disagreement: 0,
  importanceSpread: 0,
  scoreSpread: 0,
  voters: 2,
  noOpinion: 0,
  flipAt: null,
  tiesAt: null,
  ...over,
});

describe("hotSpots", () => {
  it("ranks disagreement by the importance of the criterion, and leaves out one-voter criteria", () => {
    const spots = hotSpots([
      criterion({ key: "loud-but-light", disagreement: 0.9, importance: 0.5, weight: 0.1 }), // 0.45
      criterion({ key: "quiet-but-heavy", disagreement: 0.4, importance: 2.5, weight: 0.5 }), // 1
      criterion({ key: "agreed", disagreement: 0, importance: 1.5, weight: 0.3 }),
      criterion({ key: "alone", disagreement: 1, importance: 3, weight: 0.6, voters: 1 }),
      criterion({ key: "middle", disagreement: 0.5, importance: 1.5, weight: 0.3 }), // 0.75
    ]);
    expect(spots.map((s) => s.criterionKey)).toEqual([
      "quiet-but-heavy",
      "middle",
      "loud-but-light",
    ]);
    expect(spots[0]?.weighted).toBeCloseTo(1, 10);
    expect(hotSpots([criterion({ key: "x", disagreement: 0.5 })], 0)).toEqual([]);
  });
});

describe("what the hot spots are ranked by, in words", () => {
  it("ranks by disagreement times the team's importance and shows both, so the order reads", () => {
    // 88% on a light criterion, 62% and 72% on heavier ones: ranked 62% (x4.5), 72% (x3.5), 88% (x2).
    const spots = hotSpots([
      criterion({ key: "light", disagreement: 0.88, importance: 2, weight: 0.2 }),
      criterion({ key: "heavy", disagreement: 0.62, importance: 4.5, weight: 0.45 }),
      criterion({ key: "middle", disagreement: 0.72, importance: 3.5, weight: 0.35 }),
    ]);
    expect(spots.map((s) => s.criterionKey)).toEqual(["heavy", "middle", "light"]);
    expect(spots.map((s) => hotSpotMeasure(s, "weighted-mean"))).toEqual([
      "disagreement 62% × importance 4.5 = 2.8",
      "disagreement 72% × importance 3.5 = 2.5",
      "disagreement 88% × importance 2.0 = 1.8",
    ]);
    const [first] = spots;
    expect(first && hotSpotMeasure(first, "median")).toBe(
      "disagreement 62% × importance 4.5 = 2.8",
    );
    expect(hotSpotsBasis("weighted-mean")).toBe(
      "Where the team disagrees most, ranked by disagreement × the team's importance of the criterion, highest first.",
    );
  });

  it("ranks a criterion not counted yet by its importance too, where its weight in the totals is 0", () => {
    const spots = hotSpots([
      criterion({ key: "counted", disagreement: 0.3, importance: 3, weight: 1 }),
      criterion({ key: "unscored", disagreement: 0.6, importance: 4, weight: 0, counted: false }),
    ]);
    expect(spots.map((s) => s.criterionKey)).toEqual(["unscored", "counted"]);
  });

  it("shows the disagreement alone under the Borda count, which ranks by it alone", () => {
    const [spot] = hotSpots([criterion({ key: "x", disagreement: 0.88 })], 3, "borda");
    expect(spot && hotSpotMeasure(spot, "borda")).toBe("disagreement 88%");
  });
});

describe("sensitivity", () => {
  it("lists criteria that can flip the winner, closest first, with the direction", () => {
    const lines = sensitivity([
      criterion({ key: "never", flipAt: null }),
      criterion({ key: "far-above", importance: 1, flipAt: 4.5 }), // 3.5 away
      criterion({ key: "near-below", importance: 3, flipAt: 2.5 }), // 0.5 away
      criterion({ key: "mid-above", importance: 2, flipAt: 3.5 }), // 1.5 away
    ]);
    expect(lines).toEqual([
      { criterionKey: "near-below", importance: 3, flipAt: 2.5, direction: "below", tie: false },
      { criterionKey: "mid-above", importance: 2, flipAt: 3.5, direction: "above", tie: false },
      { criterionKey: "far-above", importance: 1, flipAt: 4.5, direction: "above", tie: false },
    ]);
  });
});

describe("coverageLine", () => {
  const base = { counted: 3, total: 13, weightShare: 0.41 };
  const ballots = { complete: 0, partial: 2, none: 0, eligible: 2, quorum: null, quorumMet: false };

  it("says what a provisional result rests on, and that without a quorum all ballots count", () => {
    expect(coverageLine({ coverage: base, participation: ballots, status: "provisional" })).toBe(
      "Provisional: based on 3 of 13 criteria (41% of the weight) and 0 of 2 complete ballots (no quorum set: every member's ballot is needed).",
    );
    expect(
      coverageLine({
        coverage: base,
        participation: { ...ballots, complete: 2, partial: 0, quorumMet: true },
        status: "provisional",
      }),
    ).toBe(
      "Provisional: based on 3 of 13 criteria (41% of the weight) and 2 of 2 complete ballots.",
    );
  });

  // One row per case: the test's name, what coverageLine is given, and the line it writes.
  it.each([
    [
      "never rounds a partial share up to 100%, and names the quorum",
      {
        coverage: { counted: 12, total: 13, weightShare: 0.996 },
        participation: { ...ballots, complete: 1, partial: 1, quorum: 2, quorumMet: false },
        status: "provisional",
      },
      "Provisional: based on 12 of 13 criteria (99% of the weight) and 1 of 2 complete ballots (quorum 2: not met).",
    ],
    [
      "leaves the weight share out while a blind vote is open, and says when it shows",
      { coverage: { ...base, weightShare: null }, participation: ballots, status: "provisional" },
      "Provisional: based on 3 of 13 criteria (their share of the weight shows once the blind vote closes) and 0 of 2 complete ballots (no quorum set: every member's ballot is needed).",
    ],
    [
      "names a quorum set above the team's size as set, and that every member's ballot counts",
      {
        coverage: { counted: 2, total: 2, weightShare: 1 },
        participation: { ...ballots, eligible: 3, complete: 1, quorum: 3, quorumAsSet: 5 },
        status: "provisional",
      },
      "Provisional: based on 2 of 2 criteria (100% of the weight) and 1 of 3 complete ballots (quorum 5, more than the team's 3 members: every member's ballot is needed; not met).",
    ],
    [
      "says when it is ready",
      {
        coverage: { counted: 13, total: 13, weightShare: 1 },
        participation: { ...ballots, complete: 2, partial: 0, quorumMet: true },
        status: "ready",
      },
      "Ready: based on all 13 criteria and 2 of 2 complete ballots.",
    ],
  ] as const)("%s", (_name, input, line) => {
    expect(coverageLine(input)).toBe(line);
  });

  it("says last how many stored votes could not be read and are left out", () => {
    const ready = {
      coverage: { counted: 2, total: 2, weightShare: 1 },
      participation: { ...ballots, complete: 2, partial: 0, quorumMet: true },
      status: "ready",
    } as const;
    expect(coverageLine({ ...ready, unreadableVotes: 1 })).toBe(
      "Ready: based on all 2 criteria and 2 of 2 complete ballots. 1 vote could not be read and is left out.",
    );
    expect(coverageLine({ ...ready, unreadableVotes: 3 })).toBe(
      "Ready: based on all 2 criteria and 2 of 2 complete ballots. 3 votes could not be read and are left out.",
    );
    expect(coverageLine({ ...ready, unreadableVotes: 0 })).toBe(
      "Ready: based on all 2 criteria and 2 of 2 complete ballots.",
    );
  });

  it("without its label, for a page that shows Ready or Provisional as a heading", () => {
    const provisional = { coverage: base, participation: ballots, status: "provisional" } as const;
    expect(coverageBasis(provisional)).toBe(
      "Based on 3 of 13 criteria (41% of the weight) and 0 of 2 complete ballots (no quorum set: every member's ballot is needed).",
    );
    expect(
      coverageBasis({
        coverage: { counted: 2, total: 2, weightShare: 1 },
        participation: { ...ballots, complete: 2, partial: 0, quorumMet: true },
        status: "ready",
        unreadableVotes: 1,
      }),
    ).toBe(
      "Based on all 2 criteria and 2 of 2 complete ballots. 1 vote could not be read and is left out.",
    );
  });

  describe("the stored votes a recorded decision could not read, then and now", () => {
    const recorded = { counted: 2, total: 2, voted: 2, eligible: 2, complete: 2, weightShare: 1 };
    const decided = "Decided with 2 of 2 criteria counted, on 2 complete ballots of 2 members.";
    /** The line of the ready record above, with these stored votes left out then and now. */
    const readyLine = (unread: {
      unreadableVotes?: number;
      unreadableNow: number;
      fromFile?: boolean;
    }) => recordedCoverageLine({ ...recorded, status: "ready", ...unread });

    it("says the count kept with the record as the moment it was recorded", () => {
      expect(readyLine({ unreadableVotes: 1, unreadableNow: 1 })).toBe(
        `${decided} When recorded, 1 vote could not be read and was left out.`,
      );
      expect(
        recordedCoverageLine({
          ...recorded,
          complete: 1,
          status: "provisional",
          unreadableVotes: 2,
          unreadableNow: 2,
        }),
      ).toBe(
        "Decided with 2 of 2 criteria counted, on 1 complete and 1 partial ballots of 2 members. It was provisional when recorded: every criterion was scored, but too few ballots were complete. When recorded, 2 votes could not be read and were left out.",
      );
      expect(readyLine({ unreadableVotes: 0, unreadableNow: 0 })).toBe(decided);
    });

    it.each([
      // Decided on every vote; two cannot be read since: not what the decision rested on.
      {
        unreadableVotes: 0,
        unreadableNow: 2,
        whenRecorded: "Every stored vote could be read when recorded.",
        today: "2 stored votes cannot be read now and are left out.",
      },
      // Decided while two could not be read; they can be now: the record still says it.
      {
        unreadableVotes: 2,
        unreadableNow: 0,
        whenRecorded: "When recorded, 2 votes could not be read and were left out.",
        today: "Every stored vote can be read now.",
      },
      {
        unreadableVotes: 1,
        unreadableNow: 3,
        whenRecorded: "When recorded, 1 vote could not be read and was left out.",
        today: "3 stored votes cannot be read now and are left out.",
      },
    ])(
      "says today's count as today's when it is not the one recorded ($unreadableVotes then, $unreadableNow now)",
      ({ unreadableVotes, unreadableNow, whenRecorded, today }) => {
        expect(readyLine({ unreadableVotes, unreadableNow })).toBe(
          `${decided} ${whenRecorded} ${today}`,
        );
      },
    );

    it("says only today's count, as today's, of a record kept before the count was", () => {
      expect(readyLine({ unreadableNow: 1 })).toBe(
        `${decided} 1 stored vote cannot be read now and is left out.`,
      );
      expect(readyLine({ unreadableNow: 0 })).toBe(decided);
    });

    it("says the recorded count alone of a result resting on an imported file", () => {
      // The votes the exporting team could not read never came with the file.
      expect(readyLine({ unreadableVotes: 2, unreadableNow: 0, fromFile: true })).toBe(
        `${decided} When recorded, 2 votes could not be read and were left out.`,
      );
    });
  });

  it("words the coverage a decision was recorded with", () => {
    // A partial ballot is never counted as a member's whole say.
    expect(decidedWithLine({ counted: 13, total: 13, voted: 4, complete: 1, eligible: 4 })).toBe(
      "Decided with 13 of 13 criteria counted, on 1 complete and 3 partial ballots of 4 members.",
    );
    expect(decidedWithLine({ counted: 9, total: 13, voted: 4, complete: 4, eligible: 5 })).toBe(
      "Decided with 9 of 13 criteria counted, on 4 complete ballots of 5 members.",
    );
    const recorded = { counted: 1, total: 13, voted: 2, eligible: 2, complete: 0 };
    // On a provisional result it says so, and how little of the weight was scored.
    expect(recordedCoverageLine({ ...recorded, weightShare: 0.083, status: "provisional" })).toBe(
      "Decided with 1 of 13 criteria counted, on 0 complete and 2 partial ballots of 2 members. It was provisional when recorded: 8% of the weight was scored.",
    );
    expect(
      recordedCoverageLine({
        ...recorded,
        counted: 13,
        complete: 2,
        weightShare: 1,
        status: "ready",
      }),
    ).toBe("Decided with 13 of 13 criteria counted, on 2 complete ballots of 2 members.");
    // Every criterion scored: what kept it provisional was the ballots, not the weight.
    expect(
      recordedCoverageLine({
        ...recorded,
        counted: 13,
        complete: 2,
        eligible: 3,
        weightShare: 1,
        status: "provisional",
      }),
    ).toBe(
      "Decided with 13 of 13 criteria counted, on 2 complete ballots of 3 members. It was provisional when recorded: every criterion was scored, but too few ballots were complete.",
    );
    // Nothing scored: no percentage of a weight nobody scored.
    expect(
      recordedCoverageLine({
        ...recorded,
        counted: 0,
        voted: 0,
        weightShare: 0,
        status: "provisional",
      }),
    ).toBe(
      "Decided with 0 of 13 criteria counted, on 0 complete ballots of 2 members. It was provisional when recorded: no criterion was scored.",
    );
  });

  it("says criterion, not criteria, of a decision with only one", () => {
    const one = { counted: 1, total: 1, weightShare: 1 };
    const done = { ...ballots, complete: 2, partial: 0, quorumMet: true };
    expect(coverageLine({ coverage: one, participation: done, status: "ready" })).toBe(
      "Ready: based on its one criterion and 2 of 2 complete ballots.",
    );
    expect(
      coverageLine({
        coverage: { counted: 0, total: 1, weightShare: 0 },
        participation: done,
        status: "provisional",
      }),
    ).toBe(
      "Provisional: based on 0 of 1 criterion (0% of the weight) and 2 of 2 complete ballots.",
    );
    expect(decidedWithLine({ counted: 1, total: 1, voted: 1, complete: 1, eligible: 1 })).toBe(
      "Decided with 1 of 1 criterion counted, on 1 complete ballot of 1 member.",
    );
    expect(decidedWithLine({ counted: 1, total: 1, voted: 1, complete: 0, eligible: 1 })).toBe(
      "Decided with 1 of 1 criterion counted, on 0 complete and 1 partial ballot of 1 member.",
    );
  });
});

describe("notCountedReason", () => {
  it("says only that a criterion is not scored yet when no option has a score there", () => {
    expect(notCountedReason(["Django REST Framework", "FastAPI"], 2)).toBe("not scored yet");
  });

  it("names the options still without a score when some have one", () => {
    expect(notCountedReason(["SQS"], 3)).toBe("not scored yet for SQS");
    expect(notCountedReason(["Kafka", "SQS"], 3)).toBe("not scored yet for Kafka, SQS");
  });
});
