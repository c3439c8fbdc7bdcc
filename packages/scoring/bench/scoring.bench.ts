/**
 * Timing of the scoring package on decisions far larger than a team produces.
 * Run: npm run bench -w packages/scoring. Prints medians of several runs as a table.
 */
import { aggregate, type DecisionInput, replay, type VoteEvent } from "../src/index";

const RUNS = 11;

function generator(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

function largeDecision(voters: number, criteria: number, options: number): DecisionInput {
  const pick = generator(42);
  const optionKeys = Array.from({ length: options }, (_, o) => `option-${o}`);
  const criterionKeys = Array.from({ length: criteria }, (_, c) => `criterion-${c}`);
  const votes: DecisionInput["votes"] = [];
  for (let v = 0; v < voters; v++) {
    for (const criterionKey of criterionKeys) {
      const scores: Record<string, number | null> = {};
      for (const key of optionKeys) scores[key] = 1 + pick(5);
      votes.push({ voterId: `voter-${v}`, criterionKey, weight: pick(6), scores });
    }
  }
  return {
    options: optionKeys.map((key) => ({ key })),
    criteria: criterionKeys.map((key) => ({ key, defaultWeight: 3 })),
    votes,
  };
}

function events(count: number, voters: number, decision: DecisionInput): VoteEvent[] {
  const pick = generator(7);
  const list: VoteEvent[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const criterion = decision.criteria[pick(decision.criteria.length)];
    const retract = pick(20) === 0;
    const scores: Record<string, number | null> = {};
    if (!retract) for (const o of decision.options) scores[o.key] = 1 + pick(5);
    list[i] = {
      at: 1_700_000_000_000 + i * 1000,
      voterId: `voter-${pick(voters)}`,
      criterionKey: criterion?.key ?? "criterion-0",
      weight: retract ? null : pick(6),
      scores,
    };
  }
  return list;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function time(run: () => unknown, runs = RUNS): number[] {
  run(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    ms.push(performance.now() - start);
  }
  return ms;
}

const decision = largeDecision(10_000, 13, 2);
const { votes: _votes, ...shape } = decision;

const rows = [
  {
    case: "aggregate 10,000 voters x 13 criteria x 2 options, no confidence",
    target: 25,
    ms: time(() => aggregate(decision, { resamples: 0 })),
  },
  {
    case: "aggregate 10,000 x 13 x 2, confidence with 200 resamples",
    target: 250,
    ms: time(() => aggregate(decision, { resamples: 200 })),
  },
  {
    case: "replay 1,000,000 events (13 criteria x 2 options)",
    target: 1500,
    ms: (() => {
      const history = events(1_000_000, 10_000, decision);
      return time(() => replay(shape, history), 5);
    })(),
  },
];

console.log(`Node ${process.version}, medians of ${RUNS} runs (replay: 5) after one warm-up\n`);
console.table(
  rows.map((r) => ({
    case: r.case,
    "median ms": Number(median(r.ms).toFixed(1)),
    "min ms": Number(Math.min(...r.ms).toFixed(1)),
    "max ms": Number(Math.max(...r.ms).toFixed(1)),
    "target ms": r.target,
    "within target": median(r.ms) < r.target ? "yes" : "NO",
  })),
);
