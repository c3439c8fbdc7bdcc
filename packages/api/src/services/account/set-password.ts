import { hashPassword } from "@tradeoff/auth/password";
import type { PrismaClient } from "@tradeoff/db";
import { DomainError, notFound } from "../../errors";
import { RECENT_SIGN_IN_MINUTES } from "../../schemas/account";
import { alreadyHasPassword, storeNewPassword, weakNewPassword } from "./change-password";
import { startPasswordAttempt } from "./password-attempt";

/**
 * Sets the first password of an account that has none (made by an emailed sign-in link, or by
 * GitHub), so its owner can also sign in with it. There is no current password to ask for, so
 * the session must have signed in within RECENT_SIGN_IN_MINUTES (its sign-in record's
 * `signedInAt`; a session whose sign-in time is unknown never qualifies): a session stolen or
 * left open earlier cannot give the account a password its owner does not know. The password is held to
 * the sign-up rules (the person's name and email count as easy to guess), and refused attempts
 * count against the same limits as the current-password checks, per session and per account.
 * Then, as a password change does, every other session ends and every personal access token
 * is revoked unless the member keeps them; this session stays signed in.
 */
export async function setPassword(
  db: PrismaClient,
  input: {
    userId: string;
    /** The sign-in record of the session asking; null when it has none. */
    sessionId: string | null;
    newPassword: string;
    keepTokens?: boolean;
    now?: Date;
  },
) {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { passwordHash: true, name: true, email: true },
  });
  if (!user) throw notFound("Account");
  if (user.passwordHash) throw alreadyHasPassword();
  const attempt = await startPasswordAttempt(db, input, "Too many attempts to set a password.");
  const signIn = input.sessionId
    ? await db.signInSession.findFirst({
        where: { id: input.sessionId, userId: input.userId },
        select: { signedInAt: true },
      })
    : null;
  // A session issued before sign-in records has none, or one given to it later without a
  // sign-in time: when it signed in is unknown, so it is never a recent sign-in.
  if (!signIn?.signedInAt) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "This browser's session has no record of when you signed in, so it cannot stand in for a password. Sign out, sign in again (with an emailed link), then set it.",
    );
  }
  const now = input.now ?? new Date();
  if (now.getTime() - signIn.signedInAt.getTime() > RECENT_SIGN_IN_MINUTES * 60_000) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `For your safety, a password can be set only within ${RECENT_SIGN_IN_MINUTES} minutes of signing in. Sign out, sign in again (with an emailed link), then set it.`,
    );
  }
  const weak = weakNewPassword(input.newPassword, user);
  if (weak) {
    await attempt.failed();
    throw weak;
  }
  await attempt.succeeded();
  const passwordHash = await hashPassword(input.newPassword);
  return storeNewPassword(db, { ...input, passwordHash, firstPassword: true });
}
