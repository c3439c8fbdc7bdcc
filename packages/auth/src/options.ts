import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import { z } from "zod";
import { withAddressProof } from "./address-proof";
import { clientAddress } from "./client-address";
import { type AuthEnv, emailEnabled, githubEnabled, readAuthEnv, requireSecret } from "./env";
import { smtpUrlWithTimeouts } from "./mail";
import { getDecoyHash, verifyPassword } from "./password";
import { createSignInLimiter, type SignInLimiter } from "./sign-in-limiter";
import {
  endSignInSession,
  type SignInClient,
  startSignInSession,
  touchSignInSession,
} from "./sign-in-sessions";
import type { AuthDatabase } from "./types";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

/** Providers offered on the sign-in page; optional ones appear only when configured. */
export function enabledProviders(env: AuthEnv = readAuthEnv()) {
  return {
    credentials: true,
    github: githubEnabled(env),
    email: emailEnabled(env),
  };
}

/** Sessions are short-lived JWTs, refreshed while in use; see docs/teams-and-access.md. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function createAuthOptions(
  db: AuthDatabase,
  env: AuthEnv = readAuthEnv(),
  {
    limiter = createSignInLimiter(db),
    client = { userAgent: null, address: null },
  }: {
    limiter?: SignInLimiter;
    /** The request being answered: a sign-in records its browser and address. */
    client?: SignInClient;
  } = {},
): NextAuthOptions {
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientAddress(req?.headers ?? {}, env.TRUST_PROXY);
        // The route answers 429 before reaching here; this holds even if it did not.
        if ((await limiter.retryAfter(email, ip)) > 0) return null;
        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, passwordHash: true, tokenVersion: true },
        });
        // Always run one hash comparison so the response time does not reveal whether the email exists.
        const ok = await verifyPassword(password, user?.passwordHash ?? (await getDecoyHash()));
        if (!user?.passwordHash || !ok) {
          await limiter.recordFailure(email, ip);
          return null;
        }
        await limiter.recordSuccess(email, ip);
        return { id: user.id, email: user.email, name: user.name, tokenVersion: user.tokenVersion };
      },
    }),
  ];
  if (githubEnabled(env) && env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (emailEnabled(env) && env.EMAIL_SERVER && env.EMAIL_FROM) {
    // With the app's SMTP timeouts, so a silent mail server fails the request within seconds.
    providers.push(
      EmailProvider({ server: smtpUrlWithTimeouts(env.EMAIL_SERVER), from: env.EMAIL_FROM }),
    );
  }

  return {
    secret: requireSecret(env),
    // The Prisma adapter stores OAuth accounts and magic-link tokens; sessions stay in signed JWTs.
    // An address proven for the first time ends what an unproven password opened.
    adapter: withAddressProof(db, PrismaAdapter(db as never) as Adapter),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
    // httpOnly and SameSite=Lax are next-auth's defaults; Secure (and the __Secure- prefix)
    // whenever the app is served over HTTPS.
    useSecureCookies: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    events: {
      // next-auth only clears the cookie; deleting the sign-in record ends the session itself,
      // so a copy of the cookie is refused as well and its open draft editors close (as "End
      // session" on the account page does).
      async signOut({ token }) {
        if (typeof token?.sid === "string" && token.sub) {
          await endSignInSession(db, token.sub, token.sid);
        }
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.email = user.email;
          token.name = user.name;
          // The account's token version at sign-in (the adapter's and the credentials' user
          // both carry it); a session without a sign-in record is held to it.
          const version = (user as { tokenVersion?: unknown }).tokenVersion;
          token.tv = typeof version === "number" ? version : 0;
          // The sign-in record every request checks; deleting it signs this browser out.
          token.sid = await startSignInSession(db, user.id, client, new Date());
        } else if (typeof token.sid === "string") {
          await touchSignInSession(db, token.sid);
        } else if (token.sub) {
          // A session issued before sign-in records: still current, it gets one now, without a
          // sign-in time (it signed in at some unknown moment, never "recently").
          const stored = await db.user.findUnique({
            where: { id: token.sub },
            select: { tokenVersion: true },
          });
          if (stored && stored.tokenVersion === token.tv) {
            token.sid = await startSignInSession(db, token.sub, client, null);
          }
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) {
          session.user = {
            id: token.sub,
            email: token.email ?? "",
            name: token.name ?? null,
            tokenVersion: typeof token.tv === "number" ? token.tv : 0,
            sessionId: typeof token.sid === "string" ? token.sid : null,
          };
        }
        return session;
      },
    },
  };
}
