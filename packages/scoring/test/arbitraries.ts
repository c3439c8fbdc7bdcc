import fc from "fast-check";
import type { DecisionInput, Vote, VoteEvent } from "../src/index";

/** A small decision shape: 2..4 options and 1..4 criteria with whole default weights. */
export const shapeArb = fc
  .record({
    optionCount: fc.integer({ min: 2, max: 4 }),
    defaults: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ optionCount, defaults }) => ({
    options: Array.from({ length: optionCount }, (_, o) => ({ key: `option-${o}` })),
    criteria: defaults.map((defaultWeight, c) => ({ key: `criterion-${c}`, defaultWeight })),
  }));

export type Shape =
  fc.Arbitrary<DecisionInput> extends fc.Arbitrary<infer T> ? Omit<T, "votes"> : never;

const weightArb = fc.option(fc.integer({ min: 0, max: 5 }), { nil: null, freq: 5 });
const scoreArb = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 5 });

/** Mostly a vote (some parts left out), now and then an explicit "no opinion" mark. */
const voteArb = (shape: Shape, voterId: string, criterionKey: string): fc.Arbitrary<Vote> =>
  fc.oneof(
    { weight: 6, arbitrary: scoredVoteArb(shape, voterId, criterionKey) },
    {
      weight: 1,
      arbitrary: fc.constant<Vote>({
        voterId,
        criterionKey,
        weight: null,
        scores: {},
        noOpinion: true,
      }),
    },
  );

const scoredVoteArb = (shape: Shape, voterId: string, criterionKey: string): fc.Arbitrary<Vote> =>
  fc.record({
    voterId: fc.constant(voterId),
    criterionKey: fc.constant(criterionKey),
    weight: weightArb,
    scores: fc
      .tuple(...shape.options.map(() => scoreArb))
      .map((scores) => Object.fromEntries(shape.options.map((o, i) => [o.key, scores[i] ?? null]))),
  });

/** Up to 6 voters, each voting on some of the criteria (one vote per criterion at most). */
export const votesArb = (shape: Shape, maxVoters = 6): fc.Arbitrary<Vote[]> =>
  fc
    .array(fc.subarray(shape.criteria.map((c) => c.key)), { maxLength: maxVoters })
    .chain((ballots) =>
      fc.tuple(
        ...ballots.flatMap((criterionKeys, v) =>
          criterionKeys.map((key) => voteArb(shape, `voter-${v}`, key)),
        ),
      ),
    )
    .map((votes) => [...votes]);

export const decisionArb: fc.Arbitrary<DecisionInput> = shapeArb.chain((shape) =>
  votesArb(shape).map((votes) => ({ ...shape, votes })),
);

/** A history of vote changes, including retractions, on a random shape. */
export const historyArb = shapeArb.chain((shape) =>
  fc
    .array(
      fc.record({
        voter: fc.integer({ min: 0, max: 4 }),
        criterion: fc.integer({ min: 0, max: shape.criteria.length - 1 }),
        retract: fc.nat({ max: 4 }).map((n) => n === 0),
        noOpinion: fc.nat({ max: 6 }).map((n) => n === 0),
        weight: weightArb,
        scores: fc.tuple(...shape.options.map(() => scoreArb)),
      }),
      { maxLength: 40 },
    )
    .map((changes) => {
      const events: VoteEvent[] = changes.map((change, i) => ({
        at: 1_700_000_000_000 + i,
        voterId: `voter-${change.voter}`,
        criterionKey: shape.criteria[change.criterion]?.key ?? "",
        weight: change.retract || change.noOpinion ? null : change.weight,
        scores:
          change.retract || change.noOpinion
            ? {}
            : Object.fromEntries(shape.options.map((o, j) => [o.key, change.scores[j] ?? null])),
        ...(change.noOpinion && !change.retract ? { noOpinion: true } : {}),
      }));
      return { shape, events };
    }),
);

/** The votes a history leaves: each member's last word on each criterion. */
export function finalVotes(events: readonly VoteEvent[]): Vote[] {
  const last = new Map<string, Vote>();
  for (const e of events) {
    last.set(`${e.voterId}/${e.criterionKey}`, {
      voterId: e.voterId,
      criterionKey: e.criterionKey,
      weight: e.weight,
      scores: e.scores ?? {},
      ...(e.noOpinion ? { noOpinion: true } : {}),
    });
  }
  return [...last.values()];
}

/** Shuffles a copy of a list with fast-check's seeded integers. */
export const shuffledArb = <T>(list: readonly T[]): fc.Arbitrary<T[]> =>
  fc.array(fc.nat(), { minLength: list.length, maxLength: list.length }).map((keys) =>
    list
      .map((item, i) => ({ item, key: keys[i] ?? 0, i }))
      .sort((a, b) => a.key - b.key || a.i - b.i)
      .map((x) => x.item),
  );
