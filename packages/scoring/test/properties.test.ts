import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate, type DecisionInput, METHODS, replay } from "../src/index";
import { decisionArb, finalVotes, historyArb, shuffledArb } from "./arbitraries";

const scoresOf = (rec: { totals: { score: number | null }[] }) => rec.totals.map((t) => t.score);

const expectSameTotals = (a: (number | null)[], b: (number | null)[]) => {
  expect(a).toHaveLength(b.length);
  a.forEach((x, i) => {
    const y = b[i];
    if (x === null || y === null || y === undefined) expect(x).toBe(y);
    else expect(x).toBeCloseTo(y, 9);
  });
};

/** `b` recommends as `a` does: the same totals, winner and confidence. */
const expectSameRecommendation = (
  a: ReturnType<typeof aggregate>,
  b: ReturnType<typeof aggregate>,
) => {
  expectSameTotals(scoresOf(b), scoresOf(a));
  expect(b.winner).toBe(a.winner);
  expect(b.confidence).toBe(a.confidence);
};

describe("properties of the recommendation", () => {
  it("every total stays within 0..100, with every method", () => {
    fc.assert(
      fc.property(decisionArb, fc.constantFrom(...METHODS), (decision, method) => {
        const rec = aggregate(decision, { method, resamples: 20 });
        for (const total of rec.totals) {
          // No counted criterion (or, with Borda, nobody scored a criterion fully): no totals
          // at all, never a number standing in for one.
          if (rec.coverage.counted === 0) expect(total.score).toBeNull();
          if (total.score === null) {
            expect(rec.winner).toBeNull();
            expect(rec.confidence).toBeNull();
          } else {
            expect(total.score).toBeGreaterThanOrEqual(0);
            expect(total.score).toBeLessThanOrEqual(100);
          }
        }
        expect(rec.coverage.weightShare).toBeGreaterThanOrEqual(0);
        expect(rec.coverage.weightShare).toBeLessThanOrEqual(1 + 1e-12);
        for (const c of rec.criteria) {
          expect(c.disagreement).toBeGreaterThanOrEqual(0);
          expect(c.disagreement).toBeLessThanOrEqual(1);
        }
        if (rec.confidence !== null) expect(rec.confidence).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("the order of voters and votes changes nothing, confidence included", () => {
    const withShuffle = decisionArb.chain((decision) =>
      shuffledArb(decision.votes).map((votes) => ({ decision, shuffled: { ...decision, votes } })),
    );
    fc.assert(
      fc.property(withShuffle, fc.constantFrom(...METHODS), ({ decision, shuffled }, method) => {
        const a = aggregate(decision, { method, resamples: 30 });
        const b = aggregate(shuffled, { method, resamples: 30 });
        expectSameRecommendation(a, b);
        expect(b.personal.map((p) => [p.voterId, p.winner])).toEqual(
          a.personal.map((p) => [p.voterId, p.winner]),
        );
      }),
    );
  });

  it("a new member who votes exactly the team's current means changes no total", () => {
    fc.assert(
      fc.property(decisionArb, (decision) => {
        const before = aggregate(decision, { resamples: 0 });
        const copycat: DecisionInput["votes"] = before.criteria.map((c) => ({
          voterId: "copycat",
          criterionKey: c.key,
          weight: c.importance,
          scores: { ...c.scores },
        }));
        const after = aggregate(
          { ...decision, votes: [...decision.votes, ...copycat] },
          { resamples: 0 },
        );
        expectSameTotals(scoresOf(after), scoresOf(before));
      }),
    );
  });

  it("unanimous members give full confidence", () => {
    const unanimous = decisionArb
      .filter((d) => d.votes.length > 0)
      .map((d) => {
        const firstVoter = d.votes[0]?.voterId;
        const ballot = d.votes.filter((v) => v.voterId === firstVoter);
        const clones = ["a", "b", "c", "d"].flatMap((voterId) =>
          ballot.map((v) => ({ ...v, voterId })),
        );
        return { ...d, votes: clones };
      });
    fc.assert(
      fc.property(unanimous, fc.constantFrom(...METHODS), (decision, method) => {
        const rec = aggregate(decision, { method, resamples: 25 });
        // A unanimous tie has no winner to be confident in: no figure, like no totals.
        if (rec.winner !== null) expect(rec.confidence).toBe(1);
        else expect(rec.confidence).toBeNull();
      }),
    );
  });

  it("adding a criterion nobody scored changes no total, winner, margin or flip point", () => {
    const withExtra = decisionArb.chain((decision) =>
      fc
        .record({
          defaultWeight: fc.integer({ min: 0, max: 5 }),
          // Importances may be given on it; scores never.
          weights: fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), {
            maxLength: 4,
          }),
        })
        .map(({ defaultWeight, weights }) => ({
          decision,
          extended: {
            ...decision,
            criteria: [...decision.criteria, { key: "unscored", defaultWeight }],
            votes: [
              ...decision.votes,
              ...weights.map((weight, v) => ({
                voterId: `voter-${v}`,
                criterionKey: "unscored",
                weight,
                scores: {},
              })),
            ],
          },
        })),
    );
    fc.assert(
      fc.property(withExtra, fc.constantFrom(...METHODS), ({ decision, extended }, method) => {
        const a = aggregate(decision, { method, resamples: 20 });
        const b = aggregate(extended, { method, resamples: 20 });
        expectSameRecommendation(a, b);
        expect(b.margin).toBeCloseTo(a.margin, 9);
        a.criteria.forEach((criterion, c) => {
          const flip = b.criteria[c]?.flipAt ?? null;
          if (criterion.flipAt === null) expect(flip).toBeNull();
          else expect(flip).toBeCloseTo(criterion.flipAt, 9);
        });
        const extra = b.criteria.at(-1);
        expect(extra?.counted).toBe(false);
        expect(extra?.flipAt).toBeNull();
        expect(b.coverage.counted).toBe(a.coverage.counted);
        expect(b.coverage.total).toBe(a.coverage.total + 1);
      }),
    );
  });

  it("adding a member who scores nothing changes only the ballots, and without a quorum the status", () => {
    const withMembers = decisionArb.map((decision) => ({
      ...decision,
      members: [...new Set(decision.votes.map((v) => v.voterId))],
    }));
    fc.assert(
      fc.property(withMembers, fc.constantFrom(...METHODS), (decision, method) => {
        const a = aggregate(decision, { method, resamples: 20 });
        const b = aggregate(
          {
            ...decision,
            members: [...(decision.members ?? []), "silent"],
            votes: [
              ...decision.votes,
              {
                voterId: "silent",
                criterionKey: decision.criteria[0]?.key ?? "",
                weight: null,
                scores: {},
              },
            ],
          },
          { method, resamples: 20 },
        );
        expect({ ...b, participation: null, status: null }).toEqual({
          ...a,
          participation: null,
          status: null,
        });
        // Without a quorum every member's ballot is needed, so the silent one holds it back.
        const noQuorum = a.participation.quorum === null;
        expect(b.participation).toEqual({
          ...a.participation,
          none: a.participation.none + 1,
          eligible: a.participation.eligible + 1,
          quorumMet: noQuorum ? false : a.participation.quorumMet,
        });
        expect(b.status).toBe(noQuorum ? "provisional" : a.status);
      }),
    );
  });

  it("replay's last point equals aggregate on the final votes, with every method", () => {
    fc.assert(
      fc.property(historyArb, fc.constantFrom(...METHODS), ({ shape, events }, method) => {
        const timeline = replay(shape, events, { method });
        expect(timeline).toHaveLength(events.length);
        const last = timeline.at(-1);
        if (!last) return;
        const rec = aggregate({ ...shape, votes: finalVotes(events) }, { method, resamples: 0 });
        expectSameTotals(last.totals, scoresOf(rec));
        expect(last.winner).toBe(rec.winner);
        expect(last.margin).toBeCloseTo(rec.margin, 9);
      }),
    );
  });

  it("flipAt, when set, keeps the winner just before it and changes it just past it", () => {
    fc.assert(
      fc.property(
        decisionArb,
        fc.constantFrom("weighted-mean", "median") as fc.Arbitrary<"weighted-mean" | "median">,
        (decision, method) => {
          const rec = aggregate(decision, { method, resamples: 0 });
          rec.criteria.forEach((criterion, c) => {
            const x = criterion.flipAt;
            if (x === null) return;
            expect(rec.winner).not.toBeNull();
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(5);
            // Sets the team importance of this criterion to w (nobody else's changes): drop its
            // importances so the default, now w, applies.
            const winnerAt = (w: number) =>
              aggregate(
                {
                  ...decision,
                  criteria: decision.criteria.map((k, i) =>
                    i === c ? { ...k, defaultWeight: w } : k,
                  ),
                  votes: decision.votes.map((v) =>
                    v.criterionKey === criterion.key ? { ...v, weight: null } : v,
                  ),
                },
                { method, resamples: 0 },
              ).winner;
            const current = criterion.importance;
            expect(winnerAt(current)).toBe(rec.winner);
            const toward = Math.sign(current - x);
            const step = Math.min(1e-6, Math.abs(current - x) / 2);
            expect(winnerAt(x + toward * step)).toBe(rec.winner);
            expect(winnerAt(x)).not.toBe(rec.winner);
            const past = x - toward * 1e-6;
            if (past >= 0 && past <= 5) expect(winnerAt(past)).not.toBe(rec.winner);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
