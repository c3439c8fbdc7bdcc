import { endSessions } from "@tradeoff/auth";
import { hashPassword } from "@tradeoff/auth/password";
import type { PrismaClient } from "@tradeoff/db";
import { DomainError, notFound } from "../../errors";
import { type PasswordOwner, weakPasswordMessage } from "../../schemas/password-strength";
import { checkCurrentPassword } from "./check-current-password";

/**
 * Sets a new password after checking the current one (held by the attempt limits); the new one
 * is held to the sign-up rules, the account's own name and email counting as easy to guess.
 * Whoever might know the old password is signed out: every other session ends on its next
 * request (their sign-in records are deleted, and the token version that older sessions carry
 * moves on) and, unless the member keeps them, every personal access token is revoked. The
 * session that made the change stays signed in.
 */
export async function changePassword(
  db: PrismaClient,
  input: {
    userId: string;
    /** The sign-in record of the session making the change; null when it has none. */
    sessionId: string | null;
    currentPassword: string;
    newPassword: string;
    keepTokens?: boolean;
  },
) {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { passwordHash: true, name: true, email: true },
  });
  if (!user) throw notFound("Account");
  const weak = weakNewPassword(input.newPassword, user);
  if (weak) throw weak;
  const current =
    user.passwordHash &&
    (await checkCurrentPassword(db, {
      userId: input.userId,
      sessionId: input.sessionId,
      password: input.currentPassword,
      passwordHash: user.passwordHash,
    }));
  if (!current) {
    const message = "That is not your current password.";
    throw new DomainError("BAD_REQUEST", message, { currentPassword: [message] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return storeNewPassword(db, { ...input, passwordHash });
}

/**
 * The refusal of a new password that is too easy to guess, on its field; null when it is strong
 * enough. The sign-up rule (schemas/auth.ts), with the account's own name and email as guesses.
 */
export function weakNewPassword(password: string, owner: PasswordOwner): DomainError | null {
  const message = weakPasswordMessage(password, owner);
  return message ? new DomainError("BAD_REQUEST", message, { newPassword: [message] }) : null;
}

/** The refusal of a first password for an account that already has one. */
export function alreadyHasPassword(): DomainError {
  return new DomainError(
    "CONFLICT",
    "Your account already has a password. To change it, enter your current password under Password.",
  );
}

/**
 * Stores a new password (hashed) and signs out whoever might know the old one, or might have
 * been signed in without one: every other session, and every access token unless kept. Shared
 * by changing a password and setting a first one (./set-password.ts).
 */
export async function storeNewPassword(
  db: PrismaClient,
  input: {
    userId: string;
    sessionId: string | null;
    passwordHash: string;
    keepTokens?: boolean;
    /** Setting a first password: stored only while the account still has none. */
    firstPassword?: boolean;
  },
) {
  const { passwordHash } = input;
  return db.$transaction(async (tx) => {
    const stored = await tx.user.updateMany({
      where: { id: input.userId, ...(input.firstPassword ? { passwordHash: null } : {}) },
      data: { passwordHash },
    });
    // Another request set the first password in the meantime: that one stands.
    if (stored.count === 0 && input.firstPassword) throw alreadyHasPassword();
    if (stored.count === 0) throw notFound("Account");
    const ended = await endSessions(tx, input.userId, {
      sessions: { except: input.sessionId },
      tokenVersion: true,
      revokeTokensAt: input.keepTokens ? undefined : new Date(),
    });
    return {
      // A session without a sign-in record is held to the token version, which just moved on.
      signedOut: !input.sessionId,
      otherSessionsEnded: ended.sessionsEnded,
      tokensRevoked: ended.tokensRevoked,
    };
  });
}
