import {
  createAuthOptions,
  decodeSessionToken,
  requireSecret,
  type SessionUser,
} from "@tradeoff/auth";
import { cookies } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import { authEnv } from "~/env";
import { db } from "./db";

let options: NextAuthOptions | undefined;

/** next-auth options, created on first use so a build never needs the secret. */
export function authOptions(): NextAuthOptions {
  options ??= createAuthOptions(db(), authEnv());
  return options;
}

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The signed-in user, decoded from the session cookie (no database round trip). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const store = await cookies();
  const token = SESSION_COOKIES.map((name) => store.get(name)?.value).find(Boolean);
  return decodeSessionToken(token, requireSecret(authEnv()));
}

export async function getServerAuthSession() {
  return getServerSession(authOptions());
}
