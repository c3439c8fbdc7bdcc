/** Lower-case word tokens; apostrophes and punctuation split words. */
export const wordTokens = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);

/** Runs of `n` consecutive words that `text` shares with `source`. */
export function sharedRuns(text: string, source: string, n: number): string[] {
  const sourceWords = wordTokens(source);
  const runs = new Set<string>();
  for (let i = 0; i + n <= sourceWords.length; i++) runs.add(sourceWords.slice(i, i + n).join(" "));
  const words = wordTokens(text);
  const shared: string[] = [];
  for (let i = 0; i + n <= words.length; i++) {
    const run = words.slice(i, i + n).join(" ");
    if (runs.has(run)) shared.push(run);
  }
  return shared;
}
