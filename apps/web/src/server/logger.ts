import pino from "pino";
import { logEnv } from "~/env";

/** Structured JSON logs. Credentials and session tokens are redacted wherever they appear. */
export const logger = pino({
  level: logEnv().LOG_LEVEL,
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
