/** Stands for this site's own origin while a return address is read. */
const HERE = "https://tradeoff.invalid";

/**
 * Where to go after signing in or up: `value` if it is a path on this site, else the home page.
 * The address is read as a browser reads it (a backslash counts as a slash, tabs and new lines
 * are dropped), so "/\evil.example" or "/<tab>/evil.example", which a browser would follow to
 * another site, are refused; so is a path that decodes to one ("/%2F%2Fevil.example"), in case
 * anything on the way decodes it once more. What comes back is the path as the browser would
 * request it. The sign-in and sign-up pages read their `callbackUrl` with it, and the API the
 * page a sign-up came from (the welcome email's link returns there).
 */
export function returnPath(value: string | string[] | undefined): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return "/";
  }
  if (url.origin !== HERE || /^\/[/\\]/.test(decoded(url.pathname))) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

function decoded(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
