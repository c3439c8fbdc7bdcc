import { readAuthEnv } from "@tradeoff/auth";
import { z } from "zod";

type Settings = Record<string, string | undefined>;

/** The settings `schema` reads from `source`, or an error that names every problem with them. */
function parseSettings<T extends z.ZodType>(schema: T, source: Settings): z.output<T> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join(" "));
  return parsed.data;
}

/** Reads `schema`'s settings; those of process.env are validated once and kept. */
function keptSettings<T extends z.ZodType>(schema: T) {
  let kept: z.output<T> | undefined;
  return (source: Settings = process.env): z.output<T> => {
    if (source !== process.env) return parseSettings(schema, source);
    kept ??= parseSettings(schema, source);
    return kept;
  };
}

/** A number of seconds: blank counts as unset (`fallback`), anything else must pass `valid`. */
function secondsSetting(fallback: string, valid: (value: string) => boolean, error: string) {
  return z
    .string()
    .trim()
    .default("")
    .transform((value) => value || fallback)
    .refine(valid, { error })
    .transform(Number);
}

/**
 * The web server's settings, validated once. Nothing else in the app reads process.env.
 * `npm start` and `npm run dev` fill DATABASE_URL and NEXTAUTH_SECRET for local runs.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({
      error:
        "DATABASE_URL is not set. Start the app with `npm start`, or set it to a postgres:// URL.",
    })
    .regex(/^postgres(ql)?:\/\//, {
      error: "DATABASE_URL must be a postgres:// or postgresql:// URL.",
    }),
  /**
   * Set by `npm start` / `npm run dev` when they run the embedded database: a local run, not a
   * deployment (the demo account is expected, /api/metrics stays open without a token).
   */
  TRADEOFF_EMBEDDED_DB: z.stringbool().default(false),
  /**
   * Origins besides the app's own that may send changes (browsers reaching the app under a
   * second name): `https://a.example.com,https://b.example.com`.
   */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const origins: string[] = [];
      for (const entry of value.split(",").map((part) => part.trim())) {
        if (!entry) continue;
        const parsed = URL.canParse(entry) ? new URL(entry) : null;
        if (!parsed || !/^https?:$/.test(parsed.protocol)) {
          ctx.addIssue({
            code: "custom",
            message: `ALLOWED_ORIGINS must be a comma-separated list of origins such as https://tradeoff.example.com ("${entry}" is not one).`,
          });
          return z.NEVER;
        }
        origins.push(parsed.origin);
      }
      return origins;
    }),
  /** When set, /api/metrics answers only to `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(
      z
        .string()
        .min(16, { error: "METRICS_TOKEN must be at least 16 characters long." })
        .optional(),
    )
    .optional(),
});

/** What is wrong with a malformed SMTP_URL (never echoed: it holds the mail password). */
const SMTP_URL_MESSAGE =
  "SMTP_URL must be the mail server's URL, such as smtp://user:password@mail.example.com:587 (or smtps:// for TLS from the start). Fix it, or unset it to turn email off.";

/** An address as `local@domain.tld`, without spaces, brackets, quotes or list separators. */
const ADDRESS = String.raw`[^\s@<>,;:"()[\]]+@[^\s@<>,;:"()[\].]+(?:\.[^\s@<>,;:"()[\].]+)+`;
/** A display name: quoted (`"Tradeoff, Inc."`), or plain words without , ; : @ < > or quotes. */
const DISPLAY_NAME = String.raw`(?:"[^"\\]*"|[^\s@<>,;:"()[\]][^@<>,;:"()[\]]*)`;
/** One sender, bare or with a display name: a second address would be a second sender. */
const SENDER = new RegExp(`^(?:${ADDRESS}|${DISPLAY_NAME}\\s*<${ADDRESS}>)$`);

/** Blank counts as unset. */
const optionalSetting = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

/**
 * Invitation and notification emails: sent through SMTP when SMTP_URL is set, otherwise admins
 * copy the links. Checked when the server starts (server.ts), like every other setting.
 */
const mailSchema = z
  .object({
    SMTP_URL: optionalSetting.refine(
      (value) => {
        if (value === undefined) return true;
        const url = URL.canParse(value) ? new URL(value) : null;
        return Boolean(url && /^smtps?:$/.test(url.protocol) && url.hostname);
      },
      { error: SMTP_URL_MESSAGE },
    ),
    EMAIL_FROM: optionalSetting.superRefine((value, ctx) => {
      if (value === undefined || SENDER.test(value)) return;
      ctx.addIssue({
        code: "custom",
        message: `EMAIL_FROM must be one sender address, such as noreply@example.com or "Tradeoff <noreply@example.com>" (it is "${value}").`,
      });
    }),
  })
  .refine((mail) => !mail.SMTP_URL || mail.EMAIL_FROM, {
    error: "EMAIL_FROM is required when SMTP_URL is set: it is the sender of invitation emails.",
  });

/**
 * Mail settings alone, so pages that never send mail do not depend on them. Read once per
 * process (every API call asks whether email is on).
 */
export const mailEnv = keptSettings(mailSchema);

const logSchema = z.object({
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

type WebEnv = z.infer<typeof schema>;
let cached: WebEnv | undefined;

export function env(): WebEnv {
  cached ??= parseSettings(schema, process.env);
  return cached;
}

/** Logging settings alone, so a logger never needs the database settings. */
export function logEnv() {
  const parsed = logSchema.safeParse(process.env);
  if (!parsed.success)
    throw new Error("LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent.");
  return parsed.data;
}

const shutdownSchema = z.object({
  // Empty counts as unset: ten seconds.
  SHUTDOWN_GRACE_SECONDS: secondsSetting(
    "10",
    (value) => /^\d+(\.\d+)?$/.test(value) && Number(value) <= 600,
    "SHUTDOWN_GRACE_SECONDS must be a number of seconds from 0 to 600, such as 10.",
  ),
});

/** How long a stopping server waits for requests in flight (SIGTERM) before it exits anyway. */
export function shutdownEnv(source: Settings = process.env) {
  return parseSettings(shutdownSchema, source);
}

const historySchema = z.object({
  // Empty counts as unset: two minutes.
  HISTORY_FOLD_SECONDS: secondsSetting(
    "120",
    (value) => /^\d+$/.test(value) && Number(value) <= 3600,
    "HISTORY_FOLD_SECONDS must be a whole number of seconds from 0 (every edit its own history entry) to 3600, such as 120.",
  ),
});

/**
 * How long a member's edits to one criterion keep folding into one history entry, counted
 * from the first edit. Validated when the server starts and kept.
 */
export const historyEnv = keptSettings(historySchema);

let cachedAuth: ReturnType<typeof readAuthEnv> | undefined;

/** Sign-in settings, validated on first use and kept: the API reads them on every request. */
export function authEnv() {
  cachedAuth ??= readAuthEnv(process.env);
  return cachedAuth;
}
