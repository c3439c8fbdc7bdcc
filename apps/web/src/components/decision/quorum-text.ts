/**
 * The quorum in words, as the project sets it. One larger than the team cannot be met, so the
 * recommendation counts every member's ballot instead; the line says so rather than show a
 * number nobody set.
 */
export function quorumText(p: {
  quorum: number | null;
  quorumAsSet: number | null;
  eligible: number;
}): string {
  if (p.quorum === null) return "";
  if (p.quorumAsSet !== null && p.quorumAsSet > p.quorum) {
    const members = p.eligible === 1 ? "1 member" : `${p.eligible} members`;
    return `quorum ${p.quorumAsSet} complete ballots (more than the team's ${members}: every member's ballot is needed)`;
  }
  return `quorum ${p.quorum} complete ballots`;
}
