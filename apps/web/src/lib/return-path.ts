/** Stands for this site's own origin while a return address is read. */
const HERE = "https://tradeoff.invalid";

/**
 * Where to go after signing in or up: `value` if it is a path on this site, else the home page.
 * The address is read as a browser reads it (a backslash counts as a slash, tabs and new lines
 * are dropped), so "/\evil.example" or "/<tab>/evil.example", which a browser would follow to
 * another site, are refused; what comes back is the path as the browser would request it.
 */
export function returnPath(value: string | string[] | undefined): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return "/";
  }
  if (url.origin !== HERE) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
