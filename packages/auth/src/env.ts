import { z } from "zod";

/**
 * Authentication settings, read and validated once. Optional providers are enabled only
 * when all of their variables are present.
 */
const optional = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NEXTAUTH_SECRET: optional,
  NEXTAUTH_URL: optional.pipe(
    z
      .url({ message: "NEXTAUTH_URL must be a full URL such as https://tradeoff.example.com" })
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
  EMAIL_SERVER: optional,
  EMAIL_FROM: optional,
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
