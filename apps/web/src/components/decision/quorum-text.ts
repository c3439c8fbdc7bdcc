import { quorumOverTeam } from "@tradeoff/scoring";

/**
 * The quorum in words, as the project sets it. One larger than the team cannot be met, so the
 * recommendation counts every member's ballot instead; the line says so rather than show a
 * number nobody set, in the scoring package's words (the coverage line and exports use them).
 */
export function quorumText(p: {
  quorum: number | null;
  quorumAsSet: number | null;
  eligible: number;
}): string {
  if (p.quorum === null) return "";
  const over = quorumOverTeam(p);
  if (over) return `quorum ${p.quorumAsSet} complete ballots (${over})`;
  return `quorum ${p.quorum} complete ballots`;
}
