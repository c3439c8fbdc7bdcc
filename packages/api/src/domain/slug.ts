/**
 * Text as a slug, safe in a URL and on every file system: accents folded, each run of anything
 * but a-z and 0-9 one dash, none at either end, then cut to `max` characters (the cut may leave
 * a dash at the end). Empty when nothing is left: callers choose their own fallback.
 */
export function slugOf(text: string, max: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max);
}
