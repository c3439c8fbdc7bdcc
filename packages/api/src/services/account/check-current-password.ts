import { verifyPassword } from "@tradeoff/auth/password";
import type { PrismaClient } from "@tradeoff/db";
import { startPasswordAttempt } from "./password-attempt";

/**
 * Whether `password` is the member's current one, counted by the same limits as sign-in (per
 * session and per account), so a signed-in session cannot guess it without end. Past a limit
 * nothing is checked, the right password included, and the refusal says how long to wait.
 */
export async function checkCurrentPassword(
  db: PrismaClient,
  input: { userId: string; sessionId: string | null; password: string; passwordHash: string },
): Promise<boolean> {
  const attempt = await startPasswordAttempt(db, input, "Too many wrong passwords.");
  const ok = await verifyPassword(input.password, input.passwordHash);
  if (ok) await attempt.succeeded();
  else await attempt.failed();
  return ok;
}
