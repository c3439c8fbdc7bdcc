/**
 * Words for a result that may have no single winner, for the recommendation panel: they never
 * name an option nobody chose, and tell a tie apart from totals nobody has scored yet.
 */

type Total = { optionKey: string; score: number | null };

const one = (n: number) => n.toFixed(1);

/**
 * An option's total in an earlier round against now: "40.0 → 37.5 (-2.5)". A change is given
 * only between two totals; an option not scored in that round says so, with nothing to compare.
 * `before` is undefined for an option added since.
 */
export function roundChangeWords(before: number | null | undefined, after: number | null): string {
  if (before === undefined)
    return `new in this round → ${after === null ? "not scored yet" : one(after)}`;
  if (before === null) {
    return after === null
      ? "not scored in that round, nor yet in this one"
      : `not scored in that round → ${one(after)} (no earlier total to compare)`;
  }
  if (after === null) return `${one(before)} → not scored yet`;
  const delta = after - before;
  return `${one(before)} → ${one(after)} ${
    Math.abs(delta) >= 0.05 ? `(${delta > 0 ? "+" : ""}${one(delta)})` : "(no change)"
  }`;
}

/** The team's leader: its name, "a tie, so no recommendation", or that nothing was scored. */
export function leaderWords(
  r: { winner: string | null; totals: readonly Total[] },
  nameOf: (key: string) => string,
): string {
  if (r.winner !== null) return nameOf(r.winner);
  return r.totals.some((t) => t.score !== null)
    ? "a tie, so no recommendation"
    : "no recommendation (nothing was scored)";
}

/** What a member's own votes lean towards, as a sentence. */
export function ownLeanWords(
  mine: { winner: string | null; totals: readonly Total[] },
  nameOf: (key: string) => string,
): string {
  if (mine.winner !== null) return `You lean towards ${nameOf(mine.winner)}.`;
  return mine.totals.some((t) => t.score !== null)
    ? "Your own totals are tied at the top: you lean towards no single option."
    : "You have not scored every option on a criterion yet, so your votes lean towards no option.";
}

/** A member's own winner in the list of them: its name, "A tie", or "Not scored yet". */
export function personalWinnerWords(
  p: { winner: string | null; scored: boolean },
  nameOf: (key: string) => string,
): string {
  if (p.winner !== null) return nameOf(p.winner);
  return p.scored ? "A tie" : "Not scored yet";
}
