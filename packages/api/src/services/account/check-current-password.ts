import { waitSentence } from "@tradeoff/auth/attempt-limiter";
import { verifyPassword } from "@tradeoff/auth/password";
import { createPasswordCheckLimiter } from "@tradeoff/auth/sign-in-limiter";
import type { PrismaClient } from "@tradeoff/db";
import { AttemptLimitError } from "../../errors";

/**
 * Whether `password` is the member's current one, counted by the same limits as sign-in (per
 * session and per account), so a signed-in session cannot guess it without end. Past a limit
 * nothing is checked, the right password included, and the refusal says how long to wait.
 */
export async function checkCurrentPassword(
  db: PrismaClient,
  input: { userId: string; sessionId: string | null; password: string; passwordHash: string },
): Promise<boolean> {
  const limiter = createPasswordCheckLimiter(db);
  // Sessions issued before sign-in records have none: they share one count per account.
  const session = input.sessionId ?? "no-sign-in-record";
  const wait = await limiter.retryAfter(input.userId, session);
  if (wait > 0) {
    throw new AttemptLimitError(`Too many wrong passwords. ${waitSentence(wait)}`, wait);
  }
  const ok = await verifyPassword(input.password, input.passwordHash);
  if (ok) await limiter.recordSuccess(input.userId, session);
  else await limiter.recordFailure(input.userId, session);
  return ok;
}
