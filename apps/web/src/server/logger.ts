import pino from "pino";
import { env } from "~/env";

/** Structured JSON logs. Credentials and session tokens are redacted wherever they appear. */
export const logger = pino({
  level: env().LOG_LEVEL,
  base: { service: "tradeoff-web" },
  redact: {
    paths: [
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "token",
      "*.token",
      "headers.cookie",
      "headers.authorization",
      "req.headers.cookie",
      "req.headers.authorization",
    ],
    censor: "[redacted]",
  },
});
