import { MIN_CONFIDENCE_VOTERS } from "./rules";
import type {
  Coverage,
  CriterionResult,
  Participation,
  RecommendationStatus,
  ShownCoverage,
} from "./types";

/**
 * A share as a whole percentage, rounded down, so that a result resting on part of the weight
 * never reads as 100%.
 */
export const sharePercent = (share: number): string => `${Math.floor(share * 100 + 1e-9)}%`;

/**
 * The one sentence that says what a recommendation rests on, worded alike by the page, the
 * exports and the command line:
 * "Provisional: based on 3 of 13 criteria (41% of the weight) and 0 of 2 complete ballots."
 * or "Ready: based on all 13 criteria and 2 of 2 complete ballots." Without a quorum, a
 * provisional line says that every member's ballot is needed. With no weight share (a blind
 * vote still open) it says the share shows once the vote closes. Stored votes the result left
 * out because they cannot be read are said last (`unreadableVotesLine`).
 */
export function coverageLine(rec: CoverageFacts): string {
  const label = rec.status === "ready" ? "Ready" : "Provisional";
  return `${label}: ${basisWords(rec)}`;
}

/**
 * `coverageLine` without its "Ready:" or "Provisional:", for a page that already shows that
 * word as a heading or badge next to it: "Based on 3 of 13 criteria (41% of the weight) and 0
 * of 2 complete ballots."
 */
export function coverageBasis(rec: CoverageFacts): string {
  const words = basisWords(rec);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

type CoverageFacts = {
  coverage: ShownCoverage;
  participation: Participation;
  status: RecommendationStatus;
  /** Stored votes left out because they cannot be read; none when absent. */
  unreadableVotes?: number | undefined;
};

/** "based on …", then the stored votes left out, if any. */
function basisWords(rec: CoverageFacts): string {
  const unreadable = unreadableVotesLine(rec.unreadableVotes);
  return unreadable ? `${basedOn(rec)} ${unreadable}` : basedOn(rec);
}

/**
 * Why a criterion is left out of the totals, worded alike on the page, in exports and on the
 * command line: "not scored yet" when no option has a score there, else naming the options
 * still without one: "not scored yet for FastAPI".
 */
export function notCountedReason(missingOptionNames: readonly string[], optionCount: number) {
  return missingOptionNames.length >= optionCount
    ? "not scored yet"
    : `not scored yet for ${missingOptionNames.join(", ")}`;
}

/**
 * "1 vote could not be read and is left out.": stored votes a result leaves out because their
 * data cannot be read (written around the app), said wherever the result says what it rests on.
 * Empty when there are none.
 */
export function unreadableVotesLine(count: number | undefined): string {
  if (!count) return "";
  return `${count === 1 ? "1 vote could not be read and is" : `${count} votes could not be read and are`} left out.`;
}

function basedOn(rec: CoverageFacts): string {
  const { coverage: c, participation: p } = rec;
  const ballots = `${p.complete} of ${p.eligible} complete ballot${p.eligible === 1 ? "" : "s"}`;
  const quorum =
    p.quorum !== null
      ? ` (${quorumStatus(p)})`
      : p.quorumMet
        ? ""
        : " (no quorum set: every member's ballot is needed)";
  const criteria = c.total === 1 ? "criterion" : "criteria";
  if (rec.status === "ready") {
    const all = c.total === 1 ? "its one criterion" : `all ${c.total} criteria`;
    return `based on ${all} and ${ballots}${quorum}.`;
  }
  const share =
    c.weightShare === null
      ? `${c.total === 1 ? "its" : "their"} share of the weight shows once the blind vote closes`
      : `${sharePercent(c.weightShare)} of the weight`;
  return `based on ${c.counted} of ${c.total} ${criteria} (${share}) and ${ballots}${quorum}.`;
}

/**
 * Why a quorum set above the team's size is not the number counted: "more than the team's 3
 * members: every member's ballot is needed". Null when the quorum counted is the one set.
 */
export function quorumOverTeam(p: {
  quorum: number | null;
  quorumAsSet?: number | null | undefined;
  eligible: number;
}): string | null {
  if (p.quorum === null || p.quorumAsSet == null || p.quorumAsSet <= p.quorum) return null;
  const members = p.eligible === 1 ? "1 member" : `${p.eligible} members`;
  return `more than the team's ${members}: every member's ballot is needed`;
}

/**
 * The quorum and whether it is met, alike in the coverage line and the exports: "quorum 3: not
 * met", or, for one set above the team's size, the number that was set and what counts instead:
 * "quorum 5, more than the team's 3 members: every member's ballot is needed; not met". Empty
 * without a quorum.
 */
export function quorumStatus(
  p: Pick<Participation, "quorum" | "quorumAsSet" | "eligible" | "quorumMet">,
): string {
  if (p.quorum === null) return "";
  const met = p.quorumMet ? "met" : "not met";
  const over = quorumOverTeam(p);
  return over ? `quorum ${p.quorumAsSet}, ${over}; ${met}` : `quorum ${p.quorum}: ${met}`;
}

/**
 * The coverage a decision is recorded with: "Decided with 9 of 13 criteria counted, on 1
 * complete and 3 partial ballots of 5 members." `voted` counts members with a complete or
 * partial ballot; a partial ballot is never counted as a member's whole say.
 */
export function decidedWithLine(c: {
  counted: number;
  total: number;
  voted: number;
  complete: number;
  eligible: number;
}): string {
  const partial = c.voted - c.complete;
  const ballots = `${c.complete} complete${partial > 0 ? ` and ${partial} partial` : ""} ballot${c.voted === 1 ? "" : "s"}`;
  return `Decided with ${c.counted} of ${c.total} ${c.total === 1 ? "criterion" : "criteria"} counted, on ${ballots} of ${c.eligible} member${c.eligible === 1 ? "" : "s"}.`;
}

/**
 * Everything a recorded decision's coverage says, alike on the record page, its share link and
 * every export: `decidedWithLine`, then, for a decision recorded on a provisional result, that
 * it was and why: how much of the weight it rested on ("It was provisional when recorded: 8% of
 * the weight was scored."), that nothing was scored, or that too few ballots were complete.
 * Stored votes that cannot be read are said last, each count with its moment: those left out
 * when the decision was recorded (`unreadableVotes`, kept with the record), then, when it
 * differs, how many the result shown today leaves out (`unreadableNow`). A record kept before
 * its count was says only today's, as today's. A result resting on an imported file
 * (`fromFile`) has none of the votes the exporting team could not read (they never came with
 * the file), so it says the recorded count alone unless some of the file's own votes cannot be
 * read.
 */
export function recordedCoverageLine(c: {
  counted: number;
  total: number;
  voted: number;
  eligible: number;
  weightShare: number;
  complete: number;
  status: "provisional" | "ready";
  /**
   * Stored votes left out when the decision was recorded because they could not be read;
   * absent for a record kept before this count was.
   */
  unreadableVotes?: number | undefined;
  /** Stored votes the result leaves out now because they cannot be read; none when absent. */
  unreadableNow?: number | undefined;
  /** The result rests on the votes of an imported file, not on votes stored here. */
  fromFile?: boolean | undefined;
}): string {
  const now = c.unreadableNow ?? 0;
  const unreadable = recordedUnreadableLine(
    c.unreadableVotes,
    c.fromFile && now === 0 ? (c.unreadableVotes ?? 0) : now,
  );
  const line = recordedBasisLine(c);
  return unreadable ? `${line} ${unreadable}` : line;
}

/**
 * Whether a record's result and participation rest on the file its project was imported from
 * (participation basis "import"): the votes, voters and members are the exporting team's.
 */
export const restsOnImportedFile = (view: { participation: { basis?: string | null } }) =>
  view.participation.basis === "import";

/**
 * `recordedCoverageLine` of a record as the API answers it: the coverage kept with it, the
 * stored votes its result leaves out today because they cannot be read, and whether that
 * result rests on an imported file (participation basis "import"). One rule for the record
 * page, its share link, every export and the command line.
 */
export function recordViewCoverageLine(
  coverage: Omit<Parameters<typeof recordedCoverageLine>[0], "unreadableNow" | "fromFile">,
  view: { unreadableVotes?: number | undefined; participation: { basis?: string | null } },
): string {
  return recordedCoverageLine({
    ...coverage,
    unreadableNow: view.unreadableVotes,
    fromFile: restsOnImportedFile(view),
  });
}

/**
 * The unreadable votes of a recorded decision, then and now: "When recorded, 2 votes could not
 * be read and were left out.", followed, when today's count differs, by "Every stored vote can
 * be read now." or "3 stored votes cannot be read now and are left out." Without a count kept
 * (`then` absent) only today's, said as today's. Empty when nothing is to be said.
 */
function recordedUnreadableLine(then: number | undefined, now: number): string {
  const nowLine =
    now === 0
      ? "Every stored vote can be read now."
      : `${now === 1 ? "1 stored vote cannot be read now and is" : `${now} stored votes cannot be read now and are`} left out.`;
  if (then === undefined) return now > 0 ? nowLine : "";
  const thenLine =
    then === 0
      ? "Every stored vote could be read when recorded."
      : `When recorded, ${then === 1 ? "1 vote could not be read and was" : `${then} votes could not be read and were`} left out.`;
  if (now === then) return then > 0 ? thenLine : "";
  return `${thenLine} ${nowLine}`;
}

function recordedBasisLine(c: Parameters<typeof recordedCoverageLine>[0]): string {
  if (c.status !== "provisional") return decidedWithLine(c);
  // What kept it provisional: criteria left unscored (how much of the weight was), or, with
  // every criterion scored, the ballots (the quorum, or every member's when none is set).
  const why =
    c.counted === 0
      ? "no criterion was scored"
      : c.counted === c.total
        ? "every criterion was scored, but too few ballots were complete"
        : `${sharePercent(c.weightShare)} of the weight was scored`;
  return `${decidedWithLine(c)} It was provisional when recorded: ${why}.`;
}

/**
 * How many counted criteria rest on fewer voters than a confidence figure needs (one member
 * gave anything there): while any does, there is no confidence figure.
 */
export function countSingleVoterCriteria(
  criteria: readonly Pick<CriterionResult, "counted" | "voters">[],
): number {
  return criteria.filter((c) => c.counted && c.voters < MIN_CONFIDENCE_VOTERS).length;
}

/**
 * Why a recommendation shows no confidence figure, in words a page, an export or the command
 * line can follow "Confidence: " with; null when it has one.
 */
export function noConfidenceReason(rec: {
  winner: string | null;
  confidence: number | null;
  confidenceVoters: number;
  /** As `aggregate` counts it; otherwise counted from `criteria`. */
  singleVoterCriteria?: number;
  criteria?: readonly Pick<CriterionResult, "counted" | "voters">[];
  coverage: Pick<Coverage, "counted">;
}): string | null {
  if (rec.confidence !== null) return null;
  const { counted } = rec.coverage;
  if (counted === 0) return "none yet (nothing is counted)";
  if (rec.winner === null) return "none (there is no single winner to be confident in)";
  if (rec.confidenceVoters < MIN_CONFIDENCE_VOTERS)
    return `none yet (the counted criteria rest on ${rec.confidenceVoters} voter${rec.confidenceVoters === 1 ? "" : "s"}; it takes ${MIN_CONFIDENCE_VOTERS} to resample)`;
  const thin = rec.singleVoterCriteria ?? countSingleVoterCriteria(rec.criteria ?? []);
  if (thin > 0) {
    const which =
      thin >= counted
        ? counted === 1
          ? "the counted criterion rests"
          : "each counted criterion rests"
        : `${thin} of the ${counted} counted criteria ${thin === 1 ? "rests" : "rest"}`;
    return `none yet (${which} on one voter; it takes ${MIN_CONFIDENCE_VOTERS} on each to resample)`;
  }
  return "not computed";
}

/**
 * A winner's lead in words, alike on the page, in the exports and on the command line:
 * "by 3.2 points", or "by less than 0.1 points" for a lead that one decimal would show as 0.0.
 */
export function marginWords(margin: number): string {
  return margin < 0.05 ? "by less than 0.1 points" : `by ${margin.toFixed(1)} points`;
}

/**
 * What a steady lead (no single criterion's importance from 0 to 5 changes the winner) cannot
 * say while fewer than two criteria are counted: with one, its weight is the whole total
 * whatever its importance, so that steadiness is trivially true. Worded alike by the page and
 * the exports: "Only 1 criterion is counted, so no importance can change the winner yet; the
 * 12 not yet scored can." Null once two or more are counted.
 */
export function fewCountedSensitivity(
  coverage: Pick<Coverage, "counted" | "total">,
): string | null {
  const { counted, total } = coverage;
  if (counted >= 2) return null;
  if (total <= 1) return "The decision has one criterion, so no importance can change the winner.";
  const unscored = total - counted;
  return `Only ${counted} ${counted === 1 ? "criterion is" : "criteria are"} counted, so no importance can change the winner yet; the ${unscored} not yet scored can.`;
}

/**
 * Said after a steady lead while some criteria are not counted: their scores, not an
 * importance, can still change the winner. Empty when every criterion is counted.
 */
export function unscoredCanChange(coverage: Pick<Coverage, "counted" | "total">): string {
  const unscored = coverage.total - coverage.counted;
  if (unscored <= 0) return "";
  return ` The ${unscored === 1 ? "criterion" : `${unscored} criteria`} not yet scored can still change it.`;
}
