import { z } from "zod";

/**
 * Authentication settings, read and validated once. Optional providers are enabled when all
 * of their variables are present; some but not all of them is refused.
 */
const optional = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    NEXTAUTH_SECRET: optional,
    /**
     * The app's public address. Anything but an http(s) URL with a host is refused: a value
     * such as `localhost:3104` parses as a URL of scheme "localhost:", whose origin is "null", and
     * every change would then be refused as coming from another site.
     */
    NEXTAUTH_URL: optional.pipe(
      z
        .string()
        .refine(
          (value) => {
            const url = URL.canParse(value) ? new URL(value) : null;
            return Boolean(url && /^https?:$/.test(url.protocol) && url.hostname);
          },
          {
            error:
              "NEXTAUTH_URL must be the app's public address starting with https:// or http://, such as https://tradeoff.example.com",
          },
        )
        // The app answers at the root of its origin only (a Next.js base path is fixed when it is
        // built): with a path, sign-in links and every emailed or webhook link would lead nowhere.
        .refine(
          (value) => {
            const url = URL.canParse(value) ? new URL(value) : null;
            if (!url || !/^https?:$/.test(url.protocol)) return true; // refused above
            return url.pathname === "/" && !url.search && !url.hash;
          },
          {
            error:
              "NEXTAUTH_URL must be the app's origin only, with no path, query or fragment (such as https://tradeoff.example.com): Tradeoff is served at the root of its address, not under a path such as /tradeoff. Serve it at the root of a host or port of its own and set NEXTAUTH_URL to that address.",
          },
        )
        .optional(),
    ),
    /**
     * How many proxies in front of the app add X-Forwarded-For (and -Host, -Proto) that can be
     * trusted. Unset or 0: forwarded headers are ignored and the connection's address counts.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .default("0")
      .transform((value) => value || "0")
      .pipe(
        z.string().regex(/^(10|[0-9])$/, {
          error:
            "TRUST_PROXY must be the number of proxies in front of the app that add X-Forwarded-For, from 0 to 10 (for example 1).",
        }),
      )
      .transform(Number),
    /**
     * Sign-ups, and emailed sign-in links, allowed from one address per hour (each); one costs a
     * password hash or an email. Raise it when many people sign up from behind one address.
     */
    SIGN_UP_LIMIT: z
      .string()
      .trim()
      .default("10")
      .transform((value) => value || "10")
      .pipe(
        z.string().regex(/^[1-9][0-9]{0,5}$/, {
          error:
            "SIGN_UP_LIMIT must be the number of sign-ups allowed from one address per hour, from 1 to 999999 (for example 10).",
        }),
      )
      .transform(Number),
    GITHUB_ID: optional,
    GITHUB_SECRET: optional,
    /** The mail server of emailed sign-in links; never echoed in a message (it holds a password). */
    EMAIL_SERVER: optional.refine(
      (value) => {
        if (value === undefined) return true;
        const url = URL.canParse(value) ? new URL(value) : null;
        return Boolean(url && /^smtps?:$/.test(url.protocol) && url.hostname);
      },
      {
        error:
          "EMAIL_SERVER must be the mail server's URL, such as smtp://user:password@mail.example.com:587 (or smtps:// for TLS from the start). Fix it, or unset it with EMAIL_FROM to turn sign-in links by email off.",
      },
    ),
    EMAIL_FROM: optional,
  })
  // Half of a sign-in method is a mistake, never a choice: refused rather than quietly off.
  .superRefine((env, ctx) => {
    const pairs = [
      ["GITHUB_ID", "GITHUB_SECRET", "GitHub sign-in"],
      ["GITHUB_SECRET", "GITHUB_ID", "GitHub sign-in"],
      ["EMAIL_SERVER", "EMAIL_FROM", "sign-in links by email"],
    ] as const;
    for (const [set, missing, method] of pairs) {
      if (env[set] && !env[missing]) {
        ctx.addIssue({
          code: "custom",
          path: [missing],
          message: `${set} is set but ${missing} is not: ${method} needs both. Set ${missing}, or unset ${set} to turn ${method} off.`,
        });
      }
    }
  });

export type AuthEnv = z.infer<typeof schema>;

export class AuthConfigError extends Error {
  override name = "AuthConfigError";
}

export function readAuthEnv(source: Record<string, string | undefined> = process.env): AuthEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new AuthConfigError(`Invalid authentication settings: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/** The signing secret. In production it must be set explicitly; `npm start` provides a generated one for local runs. */
export function requireSecret(env: AuthEnv): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  throw new AuthConfigError(
    "NEXTAUTH_SECRET is not set. It signs every session, so the server will not start without it. " +
      "Generate one with `openssl rand -base64 32` and set it in the environment (the same value on every instance).",
  );
}

export const githubEnabled = (env: AuthEnv) => Boolean(env.GITHUB_ID && env.GITHUB_SECRET);
export const emailEnabled = (env: AuthEnv) => Boolean(env.EMAIL_SERVER && env.EMAIL_FROM);
