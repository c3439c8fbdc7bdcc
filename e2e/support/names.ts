/**
 * `base` with a short random suffix: a name (a team's, mostly) that no other test, nor an
 * earlier run against the same database, has used, so what a test looks for is its own.
 */
export function uniqueName(base: string): string {
  return `${base} ${Math.random().toString(36).slice(2, 7)}`;
}
