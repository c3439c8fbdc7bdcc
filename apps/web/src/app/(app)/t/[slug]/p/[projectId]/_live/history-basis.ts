import { unreadableVotesLine } from "@tradeoff/scoring";

/**
 * Whose ballots a past moment of the history counts, said next to its coverage line. The team
 * keeps when each current member joined, not who has left since, so a past moment counts
 * today's voting members who had joined (or voted) by then; members who have left since are
 * in neither the ballots nor the totals. Empty for a recorded decision's kept voters or an
 * imported file's, which the page already names.
 */
export function historyBasisWords(r: {
  votersFrom: "current" | "decision" | "import";
  membersThen: number;
  joinedSince: number;
}): string {
  if (r.votersFrom !== "current") return "";
  const members = `${r.membersThen} voting member${r.membersThen === 1 ? "" : "s"}`;
  const since = r.joinedSince > 0 ? ` (${r.joinedSince} more joined since)` : "";
  return `Ballots counted against the ${members} of then${since}; members who have left since are not counted.`;
}

/**
 * What one point of the history chart rests on, said in its tooltip: how many of the voting
 * members of that moment had voted by then (counted as the slider counts a moment, with
 * `historyBasisWords`). A recorded decision's kept voters and an imported file's are counted
 * the same way, named for what they are. Votes of then the point leaves out because they cannot
 * be read are said after it (`unreadableVotesLine`).
 */
export function chartPointBasisWords(
  p: { membersThen: number; votersThen: number; unreadableVotes?: number },
  votersFrom: "current" | "decision" | "import",
): string {
  const of =
    votersFrom === "import"
      ? `the file's ${p.membersThen}`
      : votersFrom === "decision"
        ? `the record's ${p.membersThen}`
        : `the ${p.membersThen} voting member${p.membersThen === 1 ? "" : "s"} of then`;
  const members =
    votersFrom === "current" ? of : `${of} ${p.membersThen === 1 ? "voter" : "voters"}`;
  const unreadable = unreadableVotesLine(p.unreadableVotes);
  return `Votes of ${p.votersThen} of ${members}${unreadable ? `. ${unreadable}` : ""}`;
}

/** The chart's own note: whose votes every point counts, and who none of them counts. */
export const CHART_BASIS =
  "Each point counts the votes of the voting members of that moment (those who had joined by then); members who have left since are counted at no point, as the team keeps no record of them.";
