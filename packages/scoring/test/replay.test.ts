import { describe, expect, it } from "vitest";
import { aggregate, DecisionInputError, replay, type VoteEvent } from "../src/index";

const shape = {
  options: [{ key: "drf" }, { key: "fastapi" }],
  criteria: [
    { key: "performance", defaultWeight: 3 },
    { key: "admin", defaultWeight: 3 },
  ],
};

const events: VoteEvent[] = [
  // performance: W 4, DRF 2 (25 pts), FastAPI 5 (100 pts); admin nobody scored: not counted,
  // so performance carries all the weight: DRF 25, FastAPI 100
  {
    at: "2026-03-01T09:00:00Z",
    voterId: "alice",
    criterionKey: "performance",
    weight: 4,
    scores: { drf: 2, fastapi: 5 },
  },
  // admin: W 5, DRF 5 (100), FastAPI 1 (0): DRF (100 + 500) / 9 = 66.67, FastAPI (400 + 0) / 9 = 44.44
  {
    at: "2026-03-01T10:00:00Z",
    voterId: "bob",
    criterionKey: "admin",
    weight: 5,
    scores: { drf: 5, fastapi: 1 },
  },
  // bob changes his mind on admin: W 1, DRF 3 (50), FastAPI 3 (50): (100 + 50) / 5 = 30 vs (400 + 50) / 5 = 90
  {
    at: "2026-03-01T11:00:00Z",
    voterId: "bob",
    criterionKey: "admin",
    weight: 1,
    scores: { drf: 3, fastapi: 3 },
  },
  // alice retracts her performance vote: only admin is counted, 50 vs 50
  { at: "2026-03-01T12:00:00Z", voterId: "alice", criterionKey: "performance", weight: null },
  // bob marks admin "no opinion": nothing is counted any more, so there are no totals
  {
    at: "2026-03-01T13:00:00Z",
    voterId: "bob",
    criterionKey: "admin",
    weight: null,
    noOpinion: true,
  },
];

describe("replay", () => {
  const timeline = replay(shape, events);

  it("gives one point per event with the totals and the winner after it", () => {
    expect(timeline.map((p) => p.at)).toEqual(events.map((e) => e.at));
    expect(timeline.map((p) => p.index)).toEqual([0, 1, 2, 3, 4]);
    const scores = timeline.map((p) => p.totals);
    expect(scores[0]).toEqual([25, 100]);
    expect(scores[1]?.[0]).toBeCloseTo(600 / 9, 10);
    expect(scores[1]?.[1]).toBeCloseTo(400 / 9, 10);
    expect(scores[2]).toEqual([30, 90]);
    expect(scores[3]).toEqual([50, 50]);
    expect(scores[4]).toEqual([null, null]);
    expect(timeline.map((p) => p.winner)).toEqual(["fastapi", "drf", "fastapi", null, null]);
  });

  it("shows how the lead moved over time", () => {
    expect(timeline[1]?.margin).toBeCloseTo(200 / 9, 10);
    expect(timeline[2]?.margin).toBe(60);
    expect(timeline[3]?.margin).toBe(0);
    expect(timeline[4]?.margin).toBe(0);
  });

  it("ends where aggregate on the final votes is, with each method", () => {
    const final = [
      { voterId: "alice", criterionKey: "performance", weight: 4, scores: { drf: 2, fastapi: 5 } },
      { voterId: "bob", criterionKey: "admin", weight: 1, scores: { drf: 3, fastapi: 3 } },
    ];
    for (const method of ["weighted-mean", "median", "borda"] as const) {
      const last = replay(shape, events.slice(0, 3), { method }).at(-1);
      const rec = aggregate({ ...shape, votes: final }, { method });
      expect(last?.totals).toEqual(rec.totals.map((t) => t.score));
      expect(last?.winner).toBe(rec.winner);
    }
  });

  it("refuses a no-opinion mark that carries a score", () => {
    expect(() =>
      replay(shape, [
        {
          at: 1,
          voterId: "a",
          criterionKey: "admin",
          weight: null,
          scores: { drf: 2 },
          noOpinion: true,
        },
      ]),
    ).toThrow(/events\[0\]\.noOpinion: a no-opinion mark carries no importance and no scores/);
  });

  it("of no events is an empty timeline", () => {
    expect(replay(shape, [])).toEqual([]);
  });

  it("rejects an event that does not fit the decision, naming the event", () => {
    const bad: VoteEvent = {
      at: 1,
      voterId: "carol",
      criterionKey: "speed",
      weight: 9,
      scores: { rails: 2 },
    };
    try {
      replay(shape, [...events, bad]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DecisionInputError);
      expect((error as DecisionInputError).issues).toEqual([
        { path: "events[5].criterionKey", message: 'unknown criterion "speed"' },
        { path: "events[5].weight", message: "must be null or a number from 0 to 5" },
        { path: "events[5].scores.rails", message: 'unknown option "rails"' },
      ]);
    }
  });

  it("replays a long history over many members point by point, ending at the final result", () => {
    // How fast it is (incremental: cost per event, not per event times votes) is measured by
    // `npm run bench -w @tradeoff/scoring` on 1,000,000 events; here only what it computes.
    const many: VoteEvent[] = Array.from({ length: 20_000 }, (_, i) => ({
      at: i,
      voterId: `member-${i % 2000}`,
      criterionKey: i % 3 === 0 ? "admin" : "performance",
      weight: i % 6,
      scores: { drf: 1 + (i % 5), fastapi: 1 + ((i * 7) % 5) },
    }));
    const points = replay(shape, many);
    expect(points).toHaveLength(20_000);
    const finalVotes = new Map<string, VoteEvent>();
    for (const event of many) finalVotes.set(`${event.voterId}:${event.criterionKey}`, event);
    const expected = aggregate({
      ...shape,
      votes: [...finalVotes.values()].map(({ voterId, criterionKey, weight, scores }) => ({
        voterId,
        criterionKey,
        weight,
        scores: scores ?? {},
      })),
    });
    const last = points.at(-1);
    expect(last?.winner).toBe(expected.winner);
    expect(last?.totals).toEqual(
      shape.options.map((o) =>
        expect.closeTo(expected.totals.find((t) => t.optionKey === o.key)?.score ?? -1, 9),
      ),
    );
  });
});
