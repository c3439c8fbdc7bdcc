/**
 * "Ada Lovelace" -> "AL", "ada@example.com" -> "A", "Ada Lindqvist (sample)" -> "AL".
 * Only words that start with a letter or a digit give an initial (not "(sample)" or an emoji),
 * and an initial is a whole character, never half of one.
 */
export function initialsOf(name: string): string {
  const initials = name
    .replace(/@.*/, "")
    .split(/[\s._-]+/)
    .filter((word) => /^[\p{L}\p{N}]/u.test(word))
    .map((word) => String.fromCodePoint(word.codePointAt(0) ?? 63));
  const first = initials[0] ?? "?";
  const last = initials.length > 1 ? (initials[initials.length - 1] ?? "") : "";
  return (first + last).toUpperCase();
}
