import { readAuthEnv } from "@tradeoff/auth";
import { z } from "zod";

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
});

const logSchema = z.object({
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

type WebEnv = z.infer<typeof schema>;
let cached: WebEnv | undefined;

export function env(): WebEnv {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => issue.message).join(" "));
  }
  cached = parsed.data;
  return cached;
}

/** Logging settings alone, so a logger never needs the database settings. */
export function logEnv() {
  const parsed = logSchema.safeParse(process.env);
  if (!parsed.success)
    throw new Error("LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent.");
  return parsed.data;
}

export const authEnv = () => readAuthEnv(process.env);
