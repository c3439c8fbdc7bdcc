import {
  type AttemptLimiter,
  createEmailLinkLimiter,
  createSignUpLimiter,
} from "@tradeoff/auth/attempt-limiter";
import { authEnv } from "~/env";
import { db } from "./db";

let signUps: AttemptLimiter | undefined;
let emailLinks: AttemptLimiter | undefined;

/** Sign-ups from one address: SIGN_UP_LIMIT an hour (each one hashes a password). */
export function signUpLimiter(): AttemptLimiter {
  signUps ??= createSignUpLimiter(db(), authEnv().SIGN_UP_LIMIT);
  return signUps;
}

/**
 * Emailed sign-in links: as many per network address as sign-ups, whoever they are for. Never per
 * email address, so a stranger cannot keep someone from receiving their link
 * (`createAttemptLimiter`).
 */
export function emailLinkLimiter(): AttemptLimiter {
  emailLinks ??= createEmailLinkLimiter(db(), authEnv().SIGN_UP_LIMIT);
  return emailLinks;
}
