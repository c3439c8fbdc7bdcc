import { waitSentence } from "@tradeoff/auth/attempt-limiter";
import { createPasswordCheckLimiter } from "@tradeoff/auth/sign-in-limiter";
import type { PrismaClient } from "@tradeoff/db";
import { AttemptLimitError } from "../../errors";

export type PasswordAttempt = {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
};

/**
 * Opens one attempt at a signed-in member's password (checking the current one, or setting a
 * first one) under the same limits as sign-in, per session and per account. Past a limit it
 * refuses with `refusal` and how long to wait; otherwise the caller counts the attempt as
 * failed or succeeded.
 */
export async function startPasswordAttempt(
  db: PrismaClient,
  input: { userId: string; sessionId: string | null },
  refusal: string,
): Promise<PasswordAttempt> {
  const limiter = createPasswordCheckLimiter(db);
  // Sessions issued before sign-in records have none: they share one count per account.
  const session = input.sessionId ?? "no-sign-in-record";
  const wait = await limiter.retryAfter(input.userId, session);
  if (wait > 0) throw new AttemptLimitError(`${refusal} ${waitSentence(wait)}`, wait);
  return {
    failed: () => limiter.recordFailure(input.userId, session),
    succeeded: () => limiter.recordSuccess(input.userId, session),
  };
}
