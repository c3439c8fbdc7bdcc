import { countSingleVoterCriteria } from "./describe";
import { type Engine, makeEngine, type Team } from "./engine";
import { flipReading } from "./flip";
import { scoreColumn, type VoteMatrix, weightColumn } from "./matrix";
import { DEFAULT_SEED, seededRandom } from "./random";
import { MIN_CONFIDENCE_VOTERS } from "./rules";
import { isCounted, marginOf, rankedTotals, scorePoints, winnerIndex } from "./totals";
import type {
  AggregateOptions,
  Coverage,
  CriterionResult,
  DecisionInput,
  Method,
  Participation,
  PersonalResult,
  Recommendation,
  RecommendationStatus,
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
  const coverage = coverageOf(m, team);
  const ballots = participation(decision, m);
  const status: RecommendationStatus =
    ballots.quorumMet && coverage.counted === coverage.total ? "ready" : "provisional";
  const pool = resampledVoters(m, team);
  const criteria = criterionResults(m, team, method === "borda" ? null : winner);
  const singleVoterCriteria = countSingleVoterCriteria(criteria);

  return {
    method,
    totals: rankedTotals(m.optionKeys, totals),
    winner: winner < 0 ? null : (m.optionKeys[winner] ?? null),
    margin: marginOf(totals, winner),
    criteria,
    coverage,
    participation: ballots,
    status,
    confidence:
      // A tie has no winner to be confident in: how often a resample also ties is no confidence.
      // The resampling draws voters to see how much the winner moves with who voted; it says
      // something only where a criterion's team score rests on more than one person. On a
      // criterion one voter scored, a resample either repeats that voter's view exactly or
      // leaves the criterion out, so the share would measure how often criteria drop out, not
      // how much the team disagrees. Resampling only the criteria with enough voters would be
      // confidence in another result than the one shown; so no figure at all until every
      // counted criterion rests on at least MIN_CONFIDENCE_VOTERS voters.
      winner < 0 ||
      Number.isNaN(totals[0] ?? Number.NaN) ||
      pool.length < MIN_CONFIDENCE_VOTERS ||
      singleVoterCriteria > 0
        ? null
        : confidence(pool, m, engine, winner, resamples, seed),
    confidenceVoters: pool.length,
    singleVoterCriteria,
    personal: personalResults(m, engine),
  };
}

/**
 * Counted criteria and the share of the team's importance they carry. When every importance
 * is 0 there is no weight to share: the share is then 1 if every criterion is counted, else 0.
 */
function coverageOf(m: VoteMatrix, team: Team): Coverage {
  let counted = 0;
  let countedW = 0;
  let totalW = 0;
  for (let c = 0; c < m.criterionCount; c++) {
    const w = team.importance[c] ?? 0;
    totalW += w;
    if (!isCounted(team.scores, m.optionCount, c)) continue;
    counted++;
    countedW += w;
  }
  const total = m.criterionCount;
  const weightShare = totalW > 0 ? countedW / totalW : counted === total ? 1 : 0;
  return { counted, total, weightShare };
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

/**
 * Each criterion as the team weighs it. `winner` is the index of the winner whose flip points
 * are searched (-1 on a tie), or null for the Borda count: its totals rest on each member's own
 * ranking, so no criterion adds points of its own (no contributions) and no team importance
 * moves the winner (no flip points).
 */
function criterionResults(m: VoteMatrix, team: Team, winner: number | null): CriterionResult[] {
  const { optionCount: O } = m;
  const moments = columnMoments(m);
  const counted = m.criterionKeys.map((_, c) => isCounted(team.scores, O, c));
  let sumW = 0;
  team.importance.forEach((w, c) => {
    if (counted[c]) sumW += w;
  });

  return m.criterionKeys.map((key, c) => {
    const importance = team.importance[c] ?? 0;
    const isIn = counted[c] === true;
    const weight = isIn && sumW > 0 ? importance / sumW : 0;
    const scores: Record<string, number | null> = {};
    const contributions: Record<string, number> = {};
    const missingOptions: string[] = [];
    let scoreSpread = 0;
    m.optionKeys.forEach((optionKey, o) => {
      const s = team.scores[c * O + o] ?? Number.NaN;
      const scored = !Number.isNaN(s);
      scores[optionKey] = scored ? s : null;
      if (!scored) missingOptions.push(optionKey);
      if (winner !== null) contributions[optionKey] = isIn ? weight * scorePoints(s) : 0;
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
      counted: isIn,
      missingOptions,
      scores,
      contributions,
      disagreement: Math.min(1, Math.max(importanceSpread, scoreSpread)),
      importanceSpread,
      scoreSpread,
      voters: moments.voters[c] ?? 0,
      noOpinion: abstentions(m, c),
      ...(winner === null
        ? { flipAt: null, tiesAt: null }
        : flipReading(team.importance, team.scores, O, c, winner)),
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

/** How many voters marked criterion c "no opinion". */
function abstentions(m: VoteMatrix, c: number): number {
  let n = 0;
  for (let r = 0; r < m.rowCount; r++) n += m.abstained[r * m.criterionCount + c] ?? 0;
  return n;
}

/**
 * Complete, partial and empty ballots. A ballot is complete when every criterion has the
 * member's score for every option, or their "no opinion" mark; importances are not required
 * (the default weight stands for them). The quorum counts complete ballots. The same rule as
 * `ballotOf` (ballot.ts), which the app asks about one member; this one reads the matrix, and
 * the properties test keeps the two in agreement.
 */
function participation(decision: DecisionInput, m: VoteMatrix): Participation {
  const { criterionCount: C, optionCount: O, width, given, abstained } = m;
  let complete = 0;
  let partial = 0;
  for (let r = 0; r < m.rowCount; r++) {
    let done = 0;
    let anything = false;
    for (let c = 0; c < C; c++) {
      if (abstained[r * C + c] === 1) {
        done++;
        anything = true;
        continue;
      }
      let scored = 0;
      for (let j = weightColumn(m, c); j <= scoreColumn(m, c, O - 1); j++) {
        if (given[r * width + j] !== 1) continue;
        anything = true;
        if (j !== weightColumn(m, c)) scored++;
      }
      if (scored === O) done++;
    }
    if (done === C) complete++;
    else if (anything) partial++;
  }
  const eligible = decision.members?.length ?? m.rowCount;
  const quorum = decision.quorum ?? null;
  // Without a quorum, every member's ballot is needed: a result is never "ready" on fewer
  // complete ballots than anyone agreed to accept.
  const needed = quorum ?? eligible;
  return {
    complete,
    partial,
    none: eligible - complete - partial,
    eligible,
    quorum,
    quorumMet: complete >= needed,
  };
}

/**
 * The voters the confidence resamples: those who gave something on a counted criterion, so
 * what happens on criteria that are not counted cannot move it.
 */
function resampledVoters(m: VoteMatrix, team: Team): number[] {
  const pool: number[] = [];
  for (let i = 0; i < m.voterIds.length; i++) {
    const row = m.rowOf[i] ?? 0;
    if (givesOnCounted(m, team, row)) pool.push(row);
  }
  return pool;
}

/**
 * Share of bootstrap resamples of the voters in `pool` that keep the same winner (null when
 * skipped); each resample is scored by the same rules, over the criteria it counts.
 */
function confidence(
  pool: number[],
  m: VoteMatrix,
  engine: Engine,
  winner: number,
  resamples: number,
  seed: number,
): number | null {
  const V = pool.length;
  if (resamples === 0 || V === 0) return null;
  const random = seededRandom(seed);
  const counts = new Int32Array(m.rowCount);
  let same = 0;
  for (let r = 0; r < resamples; r++) {
    counts.fill(0);
    for (let i = 0; i < V; i++) {
      const row = pool[Math.floor(random() * V)] ?? 0;
      counts[row] = (counts[row] ?? 0) + 1;
    }
    if (winnerIndex(engine.totals(counts)) === winner) same++;
  }
  return same / resamples;
}

/** Whether the voter of a row gave an importance or a score on some counted criterion. */
function givesOnCounted(m: VoteMatrix, team: Team, row: number): boolean {
  for (let c = 0; c < m.criterionCount; c++) {
    if (!isCounted(team.scores, m.optionCount, c)) continue;
    for (let j = weightColumn(m, c); j <= scoreColumn(m, c, m.optionCount - 1); j++) {
      if (m.given[row * m.width + j] === 1) return true;
    }
  }
  return false;
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
