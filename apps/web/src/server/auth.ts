import {
  createAuthOptions,
  createSignInLimiter,
  type SessionUser,
  type SignInLimiter,
} from "@tradeoff/auth";
import { cookies } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import { cache } from "react";
import { authEnv } from "~/env";
import { db } from "./db";
import { sessionClaimsFromCookies } from "./session";

let options: NextAuthOptions | undefined;
let limiter: SignInLimiter | undefined;

/** Failed sign-in counters, shared by the credentials check and the 429 answer of the route. */
export function signInLimiter(): SignInLimiter {
  limiter ??= createSignInLimiter(db());
  return limiter;
}

/** next-auth options, created on first use so a build never needs the secret. */
export function authOptions(): NextAuthOptions {
  options ??= createAuthOptions(db(), authEnv(), { limiter: signInLimiter() });
  return options;
}

/** The session cookie's user, for server components (see sessionClaimsFromCookies). */
export const getSessionClaims = cache(async (): Promise<SessionUser | null> => {
  const store = await cookies();
  return sessionClaimsFromCookies((name) => store.get(name)?.value);
});

/**
 * The signed-in user, decoded from the session cookie, or null. One small query (once per
 * request) checks the token version, so a session ended elsewhere (sign out everywhere,
 * password change, deleted account) reads as signed out on the very next page load.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const user = await getSessionClaims();
  if (!user) return null;
  const current = await db().user.findUnique({
    where: { id: user.id },
    select: { tokenVersion: true },
  });
  return current?.tokenVersion === user.tokenVersion ? user : null;
});
