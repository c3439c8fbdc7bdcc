export { returnPath } from "@tradeoff/api/return-path";

/**
 * The request header in which `src/proxy.ts` passes the page asked for (path and query) to the
 * pages and layouts rendering it, so a signed-out visitor is sent to sign in and back there.
 */
export const REQUESTED_PAGE_HEADER = "x-tradeoff-requested-page";

/** The sign-in page, which returns to `path` (a return path) once signed in. */
export function signInPath(path: string): string {
  return pageReturningTo("/sign-in", path);
}

/** The sign-up page, which returns to `path` (a return path) once the new account signs in. */
export function signUpPath(path: string): string {
  return pageReturningTo("/sign-up", path);
}

/** The home page is where both pages return by default: it needs no parameter. */
function pageReturningTo(page: string, path: string): string {
  return path === "/" ? page : `${page}?callbackUrl=${encodeURIComponent(path)}`;
}
