import { sessionCurrent } from "@tradeoff/api/server";
import {
  clientAddress,
  createAuthOptions,
  createSignInLimiter,
  type SessionUser,
  type SignInLimiter,
} from "@tradeoff/auth";
import { statements } from "@tradeoff/db";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { NextAuthOptions } from "next-auth";
import { cache } from "react";
import { authEnv } from "~/env";
import { REQUESTED_PAGE_HEADER, returnPath, signInPath } from "~/lib/return-path";
import { db } from "./db";
import { sessionClaimsFromCookies } from "./session";

let limiter: SignInLimiter | undefined;

/** Failed sign-in counters, shared by the credentials check and the 429 answer of the route. */
export function signInLimiter(): SignInLimiter {
  limiter ??= createSignInLimiter(db());
  return limiter;
}

/**
 * next-auth options for one request to its routes, created when asked so a build never needs
 * the secret; a sign-in records the request's browser and address with its session.
 */
export function authOptions(req: Request): NextAuthOptions {
  const env = authEnv();
  return createAuthOptions(db(), env, {
    limiter: signInLimiter(),
    client: {
      userAgent: req.headers.get("user-agent"),
      address: clientAddress(req.headers, env.TRUST_PROXY),
    },
  });
}

/** The session cookie's user, for server components (see sessionClaimsFromCookies). */
export const getSessionClaims = cache(async (): Promise<SessionUser | null> => {
  const store = await cookies();
  return sessionClaimsFromCookies((name) => store.get(name)?.value);
});

/**
 * The signed-in user, decoded from the session cookie, or null. One small query (once per
 * request) checks the session is current (its sign-in record, or for an older session the
 * token version), so a session ended elsewhere (signed out from the account page, a password
 * change, sign out everywhere, deleted account) reads as signed out on the very next page load.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const user = await getSessionClaims();
  if (!user) return null;
  const [current] = await statements.sessionVersion(db(), {
    userId: user.id,
    sessionId: user.sessionId,
  });
  return current && sessionCurrent(user, current) ? user : null;
});

/**
 * Sends a signed-out visitor to sign in, and from there back to the page they asked for (path
 * and query, from `src/proxy.ts`); `fallback` where the proxy did not run (a prefetch).
 */
export async function redirectToSignIn(fallback = "/"): Promise<never> {
  const asked = (await headers()).get(REQUESTED_PAGE_HEADER);
  redirect(signInPath(returnPath(asked ?? fallback)));
}

/**
 * The signed-in user of a page at `path`; signed out, to sign-in and back here. The (app) layout
 * redirects too, but pages render alongside it: never call the API signed out.
 */
export async function requireSessionUser(path: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) return redirectToSignIn(path);
  return user;
}
