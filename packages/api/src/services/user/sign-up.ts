import type { Prisma, PrismaClient } from "@tradeoff/db";
import { JOB_QUEUES, jobId, sendInTransaction } from "@tradeoff/db/jobs";
import { isUniqueViolation } from "../../database-errors";
import type { SignUpInput } from "../../schemas/auth";
import type { WelcomeEmailJob } from "./welcome-email";

/**
 * The one answer to every valid sign-up, whether the email was new or already had an account:
 * the next step is signing in. Telling the two apart would tell anyone which addresses are
 * registered.
 */
export const SIGN_UP_ANSWER = {
  next: "sign-in",
  message:
    "Sign in to continue. If this email already had an account, use that account's password.",
} as const;
export type SignUpAnswer = typeof SIGN_UP_ANSWER;

/** At most one "someone tried to sign up" email per account and hour, however often it is tried. */
const ATTEMPT_EMAIL_WINDOW_MS = 60 * 60 * 1000;

/**
 * Creates the account and enqueues a welcome email with a link to sign in (that returns to
 * `input.returnPath`, the page the sign-up came from), or, when the email
 * already has one, changes nothing and enqueues an email telling its owner (emails are sent
 * only when email is configured). Both paths hash the password, read the user by email and
 * write in one transaction, so neither the answer, the inbox, nor the timing tells them apart.
 */
export async function signUp(
  db: PrismaClient,
  input: SignUpInput,
  hashPassword: (plain: string) => Promise<string>,
  now: () => Date = () => new Date(),
): Promise<SignUpAnswer> {
  // Hashed first, whatever the outcome: the slow part costs the same on both paths.
  const passwordHash = await hashPassword(input.password);
  try {
    await db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({
        where: { email: input.email },
        select: { id: true },
      });
      if (existing) {
        await enqueueAttemptEmail(tx, existing.id, now());
        return;
      }
      const created = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash },
        select: { id: true },
      });
      // The new address gets an email too (a link to sign in), so an inbox cannot tell either.
      // Its link returns to the page the sign-up came from (an invitation, a decision's link).
      const job: WelcomeEmailJob = { userId: created.id, returnPath: input.returnPath ?? "/" };
      await sendInTransaction(tx, JOB_QUEUES.welcomeEmail, job, {
        id: jobId(JOB_QUEUES.welcomeEmail, created.id),
      });
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets the same answer.
    if (!isUniqueViolation(error)) {
      throw error;
    }
  }
  return SIGN_UP_ANSWER;
}

async function enqueueAttemptEmail(tx: Prisma.TransactionClient, userId: string, at: Date) {
  const window = String(Math.floor(at.getTime() / ATTEMPT_EMAIL_WINDOW_MS));
  await sendInTransaction(
    tx,
    JOB_QUEUES.signUpAttemptEmail,
    { userId },
    { id: jobId(JOB_QUEUES.signUpAttemptEmail, userId, window) },
  );
}
