import { checkOptions } from "./aggregate";
import { bordaPoints, bordaScores } from "./personal";
import { marginOf, totalOrNull, weightedTotals, winnerIndex } from "./totals";
import type { DecisionShape, ReplayOptions, TimelinePoint, VoteEvent } from "./types";
import {
  DecisionInputError,
  type DecisionInputIssue,
  LIMITS,
  validateDecisionInput,
} from "./validate";

/**
 * One voter's votes as they stand: per criterion c, at c * (optionCount + 1), the importance
 * then one score per option; NaN where nothing is given.
 */
type VoterState = { votes: Float64Array; criteriaVoted: number; points: Float64Array | null };

/**
 * Running state of one method. `remove` is called with a voter's vote on criterion c before
 * it changes, `add` after; `totals` writes the current totals into `out`.
 */
type Running = {
  remove: (voter: VoterState, c: number) => void;
  add: (voter: VoterState, c: number) => void;
  totals: (out: Float64Array) => void;
};

type Shape = { C: number; O: number; defaults: Float64Array };

/**
 * The recommendation after each event of a decision's history, in order: one point per
 * event. Keeps running sums, so each event costs a fixed amount of work (criteria x options)
 * whatever the number of votes already cast.
 * @throws DecisionInputError for an invalid shape or an event that does not fit it.
 */
export function replay(
  shape: DecisionShape,
  events: readonly VoteEvent[],
  opts: ReplayOptions = {},
): TimelinePoint[] {
  const { method } = checkOptions({ method: opts.method, resamples: 0 });
  validateDecisionInput({ ...shape, votes: [] });
  const optionKeys = shape.options.map((o) => o.key);
  const criterionIndex = new Map(shape.criteria.map((c, i) => [c.key, i]));
  const dims: Shape = {
    C: shape.criteria.length,
    O: optionKeys.length,
    defaults: Float64Array.from(shape.criteria, (c) => c.defaultWeight),
  };
  const { C, O } = dims;
  const stride = O + 1;

  const running =
    method === "weighted-mean"
      ? runningMeans(dims)
      : method === "median"
        ? runningMedians(dims)
        : runningBorda(dims);

  const voters = new Map<string, VoterState>();
  const next = new Float64Array(stride);
  const totals = new Float64Array(O);
  const timeline: TimelinePoint[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as VoteEvent;
    const c = criterionIndex.get(event.criterionKey);
    const nextExpresses = readEvent(event, i, c, optionKeys, next);
    if (c === undefined) continue; // readEvent has thrown

    let voter = voters.get(event.voterId);
    if (!voter) {
      voter = {
        votes: new Float64Array(C * stride).fill(Number.NaN),
        criteriaVoted: 0,
        points: null,
      };
      voters.set(event.voterId, voter);
    }
    const base = c * stride;
    let hadVote = false;
    for (let j = 0; j < stride; j++) hadVote ||= !Number.isNaN(voter.votes[base + j] ?? Number.NaN);
    running.remove(voter, c);
    voter.votes.set(next, base);
    voter.criteriaVoted += (nextExpresses ? 1 : 0) - (hadVote ? 1 : 0);
    running.add(voter, c);

    running.totals(totals);
    const winner = winnerIndex(totals);
    const scores: (number | null)[] = new Array(O);
    for (let o = 0; o < O; o++) scores[o] = totalOrNull(totals[o] ?? Number.NaN);
    timeline[i] = {
      at: event.at,
      index: i,
      totals: scores,
      winner: winner < 0 ? null : (optionKeys[winner] ?? null),
      margin: marginOf(totals, winner),
    };
  }
  return timeline;
}

const inRange = (x: unknown, min: number, max: number): x is number =>
  typeof x === "number" && Number.isFinite(x) && x >= min && x <= max;

/**
 * Writes the vote an event leaves behind into `out` (importance, then scores; NaN: none) and
 * says whether it expresses anything (false: a retraction). Throws, listing every problem,
 * when the event does not fit the decision.
 */
function readEvent(
  event: VoteEvent,
  i: number,
  c: number | undefined,
  optionKeys: readonly string[],
  out: Float64Array,
): boolean {
  const { voterId, weight, scores, noOpinion } = event;
  const fits =
    c !== undefined &&
    typeof voterId === "string" &&
    voterId.length > 0 &&
    (weight === null || inRange(weight, LIMITS.minWeight, LIMITS.maxWeight)) &&
    (noOpinion === undefined || noOpinion === false || (noOpinion === true && !carries(event)));
  if (!fits) throw new DecisionInputError(eventIssues(event, i, c, optionKeys));
  out.fill(Number.NaN);
  // "No opinion" leaves nothing in the means: it only completes the member's ballot.
  if (noOpinion === true) return false;
  let expresses = weight !== null;
  if (weight !== null) out[0] = weight;
  for (const key in scores) {
    const o = optionKeys.indexOf(key);
    const score = scores[key];
    if (o < 0 || (score != null && !inRange(score, LIMITS.minScore, LIMITS.maxScore))) {
      throw new DecisionInputError(eventIssues(event, i, c, optionKeys));
    }
    if (score == null) continue;
    out[1 + o] = score;
    expresses = true;
  }
  return expresses;
}

/** Whether an event carries an importance or a score. */
const carries = (event: VoteEvent) =>
  event.weight !== null || Object.values(event.scores ?? {}).some((score) => score != null);

/** Every problem of an event that does not fit the decision. */
function eventIssues(
  event: VoteEvent,
  i: number,
  c: number | undefined,
  optionKeys: readonly string[],
): DecisionInputIssue[] {
  const issues: DecisionInputIssue[] = [];
  const path = `events[${i}]`;
  if (typeof event.voterId !== "string" || event.voterId.length === 0) {
    issues.push({ path: `${path}.voterId`, message: "must be a non-empty string" });
  }
  if (c === undefined) {
    issues.push({
      path: `${path}.criterionKey`,
      message: `unknown criterion "${String(event.criterionKey)}"`,
    });
  }
  if (event.weight !== null && !inRange(event.weight, LIMITS.minWeight, LIMITS.maxWeight)) {
    issues.push({ path: `${path}.weight`, message: "must be null or a number from 0 to 5" });
  }
  if (event.noOpinion !== undefined && typeof event.noOpinion !== "boolean") {
    issues.push({ path: `${path}.noOpinion`, message: "must be true or false" });
  } else if (event.noOpinion === true && carries(event)) {
    issues.push({
      path: `${path}.noOpinion`,
      message: "a no-opinion mark carries no importance and no scores",
    });
  }
  for (const key in event.scores) {
    const score = event.scores[key];
    if (!optionKeys.includes(key)) {
      issues.push({ path: `${path}.scores.${key}`, message: `unknown option "${key}"` });
    } else if (score != null && !inRange(score, LIMITS.minScore, LIMITS.maxScore)) {
      issues.push({
        path: `${path}.scores.${key}`,
        message: "must be null or a number from 1 to 5",
      });
    }
  }
  return issues;
}

function runningMeans({ C, O, defaults }: Shape): Running {
  const stride = O + 1;
  const sums = new Float64Array(C * stride);
  const counts = new Float64Array(C * stride);
  const importance = Float64Array.from(defaults);
  const scores = new Float64Array(C * O).fill(Number.NaN);

  const apply = (voter: VoterState, c: number, sign: number) => {
    for (let j = c * stride; j < (c + 1) * stride; j++) {
      const x = voter.votes[j] ?? Number.NaN;
      if (Number.isNaN(x)) continue;
      sums[j] = (sums[j] ?? 0) + sign * x;
      counts[j] = (counts[j] ?? 0) + sign;
    }
    const w = c * stride;
    importance[c] = (counts[w] ?? 0) > 0 ? (sums[w] ?? 0) / (counts[w] ?? 1) : (defaults[c] ?? 0);
    for (let o = 0; o < O; o++) {
      const s = w + 1 + o;
      scores[c * O + o] = (counts[s] ?? 0) > 0 ? (sums[s] ?? 0) / (counts[s] ?? 1) : Number.NaN;
    }
  };

  return {
    remove: (voter, c) => apply(voter, c, -1),
    add: (voter, c) => apply(voter, c, 1),
    totals: (out) => weightedTotals(importance, scores, O, out),
  };
}

/** Counts per distinct value, kept sorted, so the median is a walk over few distinct values. */
class Histogram {
  private readonly counts = new Map<number, number>();
  private readonly keys: number[] = [];
  private total = 0;

  add(value: number, delta: number) {
    const next = (this.counts.get(value) ?? 0) + delta;
    if (next === 0) {
      this.counts.delete(value);
      this.keys.splice(this.keys.indexOf(value), 1);
    } else {
      if (!this.counts.has(value)) {
        let at = this.keys.length;
        while (at > 0 && (this.keys[at - 1] ?? 0) > value) at--;
        this.keys.splice(at, 0, value);
      }
      this.counts.set(value, next);
    }
    this.total += delta;
  }

  /** Mean of the two middle values for an even count; NaN when empty. */
  median(): number {
    if (this.total === 0) return Number.NaN;
    const lowPos = Math.floor((this.total - 1) / 2);
    const highPos = Math.floor(this.total / 2);
    let seen = 0;
    let low = Number.NaN;
    for (const key of this.keys) {
      seen += this.counts.get(key) ?? 0;
      if (Number.isNaN(low) && seen > lowPos) low = key;
      if (seen > highPos) return (low + key) / 2;
    }
    return low;
  }
}

function runningMedians({ C, O, defaults }: Shape): Running {
  const stride = O + 1;
  const columns = Array.from({ length: C * stride }, () => new Histogram());
  const importance = Float64Array.from(defaults);
  const scores = new Float64Array(C * O).fill(Number.NaN);

  const apply = (voter: VoterState, c: number, sign: number) => {
    for (let j = c * stride; j < (c + 1) * stride; j++) {
      const x = voter.votes[j] ?? Number.NaN;
      if (!Number.isNaN(x)) columns[j]?.add(x, sign);
    }
    const w = columns[c * stride]?.median() ?? Number.NaN;
    importance[c] = Number.isNaN(w) ? (defaults[c] ?? 0) : w;
    for (let o = 0; o < O; o++) {
      const s = columns[c * stride + 1 + o]?.median() ?? Number.NaN;
      scores[c * O + o] = s;
    }
  };

  return {
    remove: (voter, c) => apply(voter, c, -1),
    add: (voter, c) => apply(voter, c, 1),
    totals: (out) => weightedTotals(importance, scores, O, out),
  };
}

function runningBorda({ C, O, defaults }: Shape): Running {
  const stride = O + 1;
  const pointSums = new Float64Array(O);
  const importance = new Float64Array(C);
  const scores = new Float64Array(C * O);
  const personal = new Float64Array(O);
  let counted = 0;

  return {
    // A voter's ranking depends on all their votes: take their points out, then back in.
    remove: (voter) => {
      if (!voter.points) return;
      for (let o = 0; o < O; o++) pointSums[o] = (pointSums[o] ?? 0) - (voter.points[o] ?? 0);
      voter.points = null;
      counted--;
    },
    add: (voter) => {
      if (voter.criteriaVoted === 0) return;
      for (let c = 0; c < C; c++) {
        const w = voter.votes[c * stride] ?? Number.NaN;
        importance[c] = Number.isNaN(w) ? (defaults[c] ?? 0) : w;
        for (let o = 0; o < O; o++) {
          const s = voter.votes[c * stride + 1 + o] ?? Number.NaN;
          scores[c * O + o] = s;
        }
      }
      // Only the criteria the member scored fully count; with none, they have no ranking yet.
      weightedTotals(importance, scores, O, personal);
      if (Number.isNaN(personal[0] ?? Number.NaN)) return;
      voter.points = bordaPoints(personal);
      for (let o = 0; o < O; o++) pointSums[o] = (pointSums[o] ?? 0) + (voter.points[o] ?? 0);
      counted++;
    },
    totals: (out) => out.set(bordaScores(pointSums, counted)),
  };
}
