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
