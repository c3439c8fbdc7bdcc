import type { PrismaClient } from "@tradeoff/db";
import { returnPath } from "../../domain/return-path";
import type { EmailSettings } from "../notification/send-email";
import { sendAccountEmail } from "./account-email";

/**
 * The welcome email's job: the new account, and the page its sign-up came from (a path on this
 * site; "/" for none). Jobs queued before the page was kept have none.
 */
export type WelcomeEmailJob = { userId: string; returnPath?: string };

/**
 * The email a new account gets at sign-up: a link to sign in, which returns to the page the
 * sign-up came from (an invitation, a decision's link), read again as a path on this site. A
 * sign-up with an address that already has an account sends its owner a different email instead
 * (sign-up-attempt-email.ts), so whoever signs up is told "check your inbox" either way. Nothing
 * is sent when the account is gone or has no email.
 */
export function sendWelcomeEmail(
  db: PrismaClient,
  settings: EmailSettings,
  job: { id: string; data: WelcomeEmailJob },
): Promise<{ sent: boolean }> {
  const back = returnPath(job.data.returnPath);
  return sendAccountEmail(db, settings, job, {
    kind: "welcome",
    subject: "Your Tradeoff account is ready",
    signInUrl: (address) => {
      const url = new URL("/sign-in", settings.appUrl);
      url.searchParams.set("email", address);
      if (back !== "/") url.searchParams.set("callbackUrl", back);
      return url;
    },
    lines: [
      "Your Tradeoff account is ready.",
      "Sign in with this email address and the password you chose.",
      "Sign in: {signIn}",
      "If you did not sign up, someone else typed your address: ignore this email, or ask the administrator of this Tradeoff to remove the account.",
    ],
  });
}
