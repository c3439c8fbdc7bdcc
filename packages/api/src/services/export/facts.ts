import {
  coverageLine,
  METHODS,
  type Method,
  marginWords,
  noConfidenceReason,
  notCountedReason,
  recordViewCoverageLine,
  restsOnImportedFile,
  sharePercents,
} from "@tradeoff/scoring";
import type { RecordView } from "../record/record-view";

/** Small readings of a record view shared by the formats, so they word things the same. */
export const optionName = (view: RecordView, key: string | null) =>
  view.options.find((o) => o.key === key)?.name ?? key ?? "none";

export const criterionName = (view: RecordView, key: string) =>
  view.criteria.find((c) => c.key === key)?.name ?? key;

export const day = (iso: string) => iso.slice(0, 10);

/** One figure as a whole percentage (a confidence); shares of a whole read `weightShares`. */
export const pct = (n: number) => `${Math.round(n * 100)}%`;

/**
 * Each criterion's share of the counted weight as a whole percentage, by criterion key, rounded
 * so that the shares add up to 100% (34%, 33%, 33% for three equal ones).
 */
export function weightShares(view: RecordView): Map<string, string> {
  const criteria = view.result?.criteria ?? [];
  const shown = sharePercents(criteria.map((c) => (c.counted ? c.weight : 0)));
  return new Map(criteria.map((c, i) => [c.key, shown[i] ?? ""]));
}

/** How the record's votes were combined; the weighted mean for a method this version does not know. */
export const methodOf = (view: RecordView): Method =>
  (METHODS as readonly string[]).includes(view.project.method)
    ? (view.project.method as Method)
    : "weighted-mean";

export const points = (n: number) => n.toFixed(1);

/** The option the record is about: the recorded choice, or the recommendation for a draft. */
export const chosenKey = (view: RecordView) =>
  view.decision?.chosenOptionKey ?? view.result?.winner ?? null;

export const personNames = (people: { name: string }[]) => people.map((p) => p.name);

/** Status words shared by the formats: MADR's vocabulary (proposed, accepted, superseded by). */
export function statusLine(
  view: RecordView,
  link: (p: { number: number; title: string }) => string,
) {
  if (view.project.status === "SUPERSEDED" && view.supersededBy.length > 0) {
    return `superseded by ${view.supersededBy.map(link).join(", ")}`;
  }
  if (view.project.status === "ARCHIVED") return view.draft ? "rejected" : "deprecated";
  return view.draft ? "proposed" : "accepted";
}

/** What an uncounted criterion shows instead of a number. */
export const NOT_SCORED = "not scored";

/** A team score (1..5) to one decimal, or "not scored" where nobody scored the option. */
export const scoreText = (score: number | null | undefined) =>
  score == null ? NOT_SCORED : score.toFixed(1);

/** An option's total (0..100) to one decimal, or "not scored" while nothing is counted. */
export const totalText = (view: RecordView, key: string) => {
  const score = view.result?.totals.find((t) => t.optionKey === key)?.score;
  return score == null ? NOT_SCORED : points(score);
};

/**
 * What the result rests on, in the words every format uses. A recorded decision keeps the
 * coverage it was decided with: "Decided with 9 of 13 criteria counted, on 4 complete ballots of
 * 5 members".
 * Otherwise: "Provisional: based on 3 of 13 criteria (41% of the weight) and 0 of 2 complete
 * ballots", or "Ready: based on all 13 criteria and 2 of 2 complete ballots". Either way, the
 * stored votes left out because they cannot be read, when there are any: a recorded decision
 * says those of when it was recorded, and today's as today's when they differ.
 */
export function coverageSentence(view: RecordView): string {
  const decided = view.decision?.coverage;
  if (!decided) return coverageLine(view);
  return recordViewCoverageLine(decided, view);
}

/** Criteria not counted yet, each with the options nobody scored there. */
export function notScoredLines(view: RecordView): string[] {
  return (view.result?.criteria ?? [])
    .filter((c) => !c.counted)
    .map(
      (c) =>
        `${criterionName(view, c.key)}: ${notCountedReason(
          c.missingOptions.map((k) => optionName(view, k)),
          view.options.length,
        )}`,
    );
}

/** An open blind vote's recommendation: hidden, as its votes and totals are (not "none"). */
export const HIDDEN_RECOMMENDATION =
  "Not yet decided: the recommendation stays hidden until this blind vote closes.";

/**
 * One sentence on where the result stands; blind projects reveal nothing while open. The
 * confidence is given only once the result is ready, and always with what it rests on.
 */
export function resultSentence(view: RecordView): string {
  return fromFile(view, teamResultSentence(view));
}

/**
 * A sentence about the result, marked as the imported file's word where it is: the votes, voters
 * and members it counts are the exporting team's, as the file lists them.
 */
export function fromFile(view: RecordView, sentence: string): string {
  if (!restsOnImportedFile(view)) return sentence;
  return `From the imported file: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
}

/**
 * What the participation figures are of, in every format's words: "when it was decided", and
 * "(from the imported file)" for an imported record; nothing for the team's members now.
 */
export function participationBasis(view: RecordView): string {
  const p = view.participation;
  if (p.basis === "current") return "";
  const when = view.decision?.coverage ? " when it was decided" : "";
  return p.basis === "import" ? `${when} (from the imported file)` : when;
}

function teamResultSentence(view: RecordView): string {
  const r = view.result;
  if (!r) return "The result stays hidden until this blind vote closes.";
  if (r.totals.every((t) => t.score === null)) {
    return "No criterion has a score for every option yet: there is no recommendation.";
  }
  if (!r.winner) return "The team's votes end in a tie: there is no recommendation.";
  const ready = (view.decision?.coverage?.status ?? view.status) === "ready";
  // A ready result says its confidence, or why it has none (a counted criterion resting on
  // one voter, say); a provisional one leaves it to the page, next to what it covers.
  const none = ready ? noConfidenceReason({ ...r, coverage: view.coverage }) : null;
  const conf = !ready
    ? ""
    : r.confidence !== null
      ? `, confidence ${pct(r.confidence)} (resampling ${r.confidenceVoters} voters)`
      : none
        ? `; confidence ${none}`
        : "";
  return `The team recommends ${optionName(view, r.winner)} ${marginWords(r.margin)}${conf}.`;
}

/**
 * "Approved by Ada (2026-12-03), Ben (2026-12-04)." for a record accepted from a shared draft.
 * Approvals cover the revision they were given for: once the record was revised, the sentence
 * says which, and that the later text was not reviewed.
 */
export function approvalSentence(view: RecordView): string | null {
  const d = view.decision;
  const approvals = d?.approvals ?? [];
  if (!d || !approvals.length) return null;
  // An imported record's approvals are the file's word: nobody here approved anything.
  const from = d.imported ? " (from the imported file)" : "";
  const given = `Approved by ${approvals.map((a) => `${a.name} (${day(a.at)})`).join(", ")}${from}`;
  const approved = approvals[0]?.revision;
  if (approved === undefined || d.revision <= approved) return `${given}.`;
  return `${given} for revision ${approved}; ${unreviewedRevisions(d, approved)}.`;
}

/** "revision 2 by Bob (2026-12-05) was not reviewed", or "revisions 2 to 4 were not reviewed (…)". */
function unreviewedRevisions(d: NonNullable<RecordView["decision"]>, approved: number): string {
  const by = `by ${d.revisedBy?.name ?? "a former member"}${d.revisedBy ? ` (${day(d.revisedBy.at)})` : ""}`;
  return d.revision === approved + 1
    ? `revision ${d.revision} ${by} was not reviewed`
    : `revisions ${approved + 1} to ${d.revision} were not reviewed (revision ${d.revision} ${by})`;
}

/** Who recorded the decision; for an imported record, as the file names them (unchecked here). */
export function recorderName(decision: NonNullable<RecordView["decision"]>): string {
  const name = decision.decidedBy ?? "a former member";
  return decision.imported ? `${name} (from the imported file)` : name;
}

/**
 * "Recorded by Ada on 2026-12-03", and once revised "; revision 2 by Bob on 2026-12-05": each
 * revision's author named, never the first recorder for text they did not write.
 */
export function recordedSentence(decision: NonNullable<RecordView["decision"]>): string {
  const recorded = `Recorded by ${recorderName(decision)} on ${day(decision.decidedAt)}`;
  if (decision.revision <= 1) return recorded;
  const by = decision.revisedBy;
  return by
    ? `${recorded}; revision ${decision.revision} by ${by.name ?? "a former member"} on ${day(by.at)}`
    : `${recorded} (revision ${decision.revision})`;
}

/** Where an imported record came from and who brought it in: "Imported from a JSON export by X on D." */
export function importSentence(view: RecordView): string | null {
  const d = view.decision;
  if (!d?.imported) return null;
  return `Recorded by ${recorderName(d)} on ${day(d.decidedAt)}. Imported from a JSON export by ${d.imported.by} on ${day(d.imported.at)}.`;
}

/**
 * A recorded choice that differs from the team's recommendation: which option was recommended,
 * and why the team chose otherwise, or why no reason is on record (a blind vote's recommendation
 * was hidden until recording closed it, so none was asked for). Null when the choice is the
 * recommendation, or there was none (a tie, nothing scored).
 */
export function againstRecommendation(
  view: RecordView,
): { recommended: string; because: string } | null {
  const d = view.decision;
  if (!d?.recommendedKey || d.recommendedKey === d.chosenOptionKey) return null;
  const reason = d.justification?.trim();
  return {
    recommended: optionName(view, d.recommendedKey),
    because: reason
      ? `because ${reason}`
      : view.project.votingMode === "BLIND"
        ? "with no reason on record: the vote was blind, so the recommendation was not known when the decision was recorded."
        : "with no reason on record.",
  };
}

/**
 * A justification the record keeps though the choice goes against no recommendation: typed while
 * a blind vote hid the recommendation, and the choice turned out to be the recommendation (or
 * there was none). Shown wherever the record's reasons are, labelled for what it is. Null when
 * there is none, or when `againstRecommendation` already carries it.
 */
export function keptReasonSentence(view: RecordView): string | null {
  const d = view.decision;
  const reason = d?.justification?.trim();
  if (!d || !reason || againstRecommendation(view)) return null;
  const when =
    view.project.votingMode === "BLIND"
      ? "while the vote was blind, before the recommendation was known"
      : "for choosing against the recommendation";
  const outcome = d.recommendedKey
    ? "the chosen option turned out to be the team's recommendation"
    : "the vote left no recommendation";
  return `Reason given ${when} (${outcome}): ${reason}`;
}

/** An owner's or admin's reason for accepting the draft without the approvals its rule asks for. */
export function overrideSentence(view: RecordView): string | null {
  const reason = view.decision?.overrideReason?.trim();
  return reason
    ? `Accepted without every approval the team's rule asks for, because ${reason}`
    : null;
}

/**
 * What a recorded decision is signed off with, in order: where an imported record came from,
 * who approved it, and why it was accepted without every approval. Only those that apply.
 */
export function signOffLines(view: RecordView): string[] {
  return [importSentence(view), approvalSentence(view), overrideSentence(view)].filter(
    (line): line is string => line !== null,
  );
}
