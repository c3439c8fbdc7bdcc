import { type Engine, makeEngine, type Team } from "./engine";
import { flipPoint } from "./flip";
import { scoreColumn, type VoteMatrix, weightColumn } from "./matrix";
import { DEFAULT_SEED, seededRandom } from "./random";
import { marginOf, rankedTotals, scorePoints, winnerIndex } from "./totals";
import type {
  AggregateOptions,
  CriterionResult,
  DecisionInput,
  Method,
  Participation,
  PersonalResult,
  Recommendation,
} from "./types";
import { checkDecision, DecisionInputError } from "./validate";

export const METHODS: readonly Method[] = ["weighted-mean", "median", "borda"];
export const DEFAULT_RESAMPLES = 200;

/** The team's recommendation for a decision. Validates the input first. */
export function aggregate(input: DecisionInput, opts: AggregateOptions = {}): Recommendation {
  const { method, seed, resamples } = checkOptions(opts);
  const { decision, matrix: m } = checkDecision(input);
  const engine = makeEngine(m, method);

  const team = engine.team(m.baseCounts);
  const totals = engine.totalsOf(team, m.baseCounts);
  const winner = winnerIndex(totals);

  return {
    method,
    totals: rankedTotals(m.optionKeys, totals),
    winner: winner < 0 ? null : (m.optionKeys[winner] ?? null),
    margin: marginOf(totals, winner),
    criteria: criterionResults(m, team, method === "borda" ? -1 : winner),
    participation: participation(decision, m),
    confidence: confidence(m, engine, winner, resamples, seed),
    personal: personalResults(m, engine),
  };
}

/** Checks the options of `aggregate` and `replay`, filling in the defaults. */
export function checkOptions(opts: AggregateOptions) {
  const method = opts.method ?? "weighted-mean";
  const seed = opts.seed ?? DEFAULT_SEED;
  const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
  const issues = [];
  if (!METHODS.includes(method)) {
    issues.push({ path: "opts.method", message: `must be one of ${METHODS.join(", ")}` });
  }
  if (!Number.isInteger(seed)) {
    issues.push({ path: "opts.seed", message: "must be a whole number" });
  }
  if (!Number.isInteger(resamples) || resamples < 0) {
    issues.push({ path: "opts.resamples", message: "must be a whole number, 0 or more" });
  }
  if (issues.length > 0) throw new DecisionInputError(issues);
  return { method, seed, resamples };
}

function criterionResults(m: VoteMatrix, team: Team, winner: number): CriterionResult[] {
  const { optionCount: O } = m;
  const moments = columnMoments(m);
  let sumW = 0;
  for (const w of team.importance) sumW += w;

  return m.criterionKeys.map((key, c) => {
    const importance = team.importance[c] ?? 0;
    const weight = sumW > 0 ? importance / sumW : 0;
    const scores: Record<string, number> = {};
    const contributions: Record<string, number> = {};
    let scoreSpread = 0;
    m.optionKeys.forEach((optionKey, o) => {
      const s = team.scores[c * O + o] ?? 3;
      scores[optionKey] = s;
      contributions[optionKey] = weight * scorePoints(s);
      scoreSpread += moments.sd(scoreColumn(m, c, o)) / 2 / O;
    });
    // Population standard deviations over the largest possible one (half the range), so 0..1.
    const importanceSpread = moments.sd(weightColumn(m, c)) / 2.5;
    const given = moments.n[weightColumn(m, c)] ?? 0;

    return {
      key,
      importance,
      weight,
      meanImportance: given > 0 ? (moments.sum[weightColumn(m, c)] ?? 0) / given : null,
      scores,
      contributions,
      disagreement: Math.min(1, Math.max(importanceSpread, scoreSpread)),
      importanceSpread,
      scoreSpread,
      voters: moments.voters[c] ?? 0,
      flipAt: flipPoint(team.importance, team.scores, O, c, winner),
    };
  });
}

/** Per column: how many gave a value, their sum and sum of squares; per criterion: voters. */
function columnMoments(m: VoteMatrix) {
  const { width, values, given, optionCount: O } = m;
  const n = new Float64Array(width);
  const sum = new Float64Array(width);
  const sumSq = new Float64Array(width);
  const voters = new Int32Array(m.criterionCount);
  for (let r = 0; r < m.rowCount; r++) {
    for (let c = 0; c < m.criterionCount; c++) {
      let expressed = 0;
      for (let j = c * (O + 1); j < (c + 1) * (O + 1); j++) {
        if (given[r * width + j] !== 1) continue;
        const x = values[r * width + j] ?? 0;
        n[j] = (n[j] ?? 0) + 1;
        sum[j] = (sum[j] ?? 0) + x;
        sumSq[j] = (sumSq[j] ?? 0) + x * x;
        expressed = 1;
      }
      voters[c] = (voters[c] ?? 0) + expressed;
    }
  }
  const sd = (j: number) => {
    const count = n[j] ?? 0;
    if (count < 2) return 0;
    const mean = (sum[j] ?? 0) / count;
    return Math.sqrt(Math.max(0, (sumSq[j] ?? 0) / count - mean * mean));
  };
  return { n, sum, voters, sd };
}

function participation(decision: DecisionInput, m: VoteMatrix): Participation {
  const voted = m.voterIds.length;
  const eligible = decision.members?.length ?? voted;
  const quorum = decision.quorum ?? null;
  return { voted, eligible, quorum, quorumMet: quorum === null || voted >= quorum };
}

/** Share of bootstrap resamples of the voters that keep the same winner (null: nobody voted). */
function confidence(
  m: VoteMatrix,
  engine: Engine,
  winner: number,
  resamples: number,
  seed: number,
): number | null {
  const V = m.voterIds.length;
  if (resamples === 0 || V === 0) return null;
  const random = seededRandom(seed);
  const counts = new Int32Array(m.rowCount);
  let same = 0;
  for (let r = 0; r < resamples; r++) {
    counts.fill(0);
    for (let i = 0; i < V; i++) {
      const row = m.rowOf[Math.floor(random() * V)] ?? 0;
      counts[row] = (counts[row] ?? 0) + 1;
    }
    if (winnerIndex(engine.totals(counts)) === winner) same++;
  }
  return same / resamples;
}

function personalResults(m: VoteMatrix, engine: Engine): PersonalResult[] {
  const O = m.optionCount;
  const results: PersonalResult[] = new Array(m.voterIds.length);
  for (let i = 0; i < m.voterIds.length; i++) {
    const row = m.rowOf[i] ?? 0;
    const totals = engine.personal.subarray(row * O, (row + 1) * O);
    const winner = winnerIndex(totals);
    results[i] = {
      voterId: m.voterIds[i] ?? "",
      totals: rankedTotals(m.optionKeys, totals),
      winner: winner < 0 ? null : (m.optionKeys[winner] ?? null),
    };
  }
  return results;
}
