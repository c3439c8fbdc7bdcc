import type { PrismaClient } from "@tradeoff/db";
import type { EmailSettings } from "../notification/send-email";

/**
 * Tells an account's owner that someone tried to sign up with their address: sign-up itself
 * answers the same as for a new address, so this email is the only place that says so. Nothing
 * is sent when the account is gone or has no email.
 */
export async function sendSignUpAttemptEmail(
  db: PrismaClient,
  settings: EmailSettings,
  job: { id: string; data: { userId: string } },
): Promise<{ sent: boolean }> {
  const user = await db.user.findUnique({
    where: { id: job.data.userId },
    select: { email: true },
  });
  if (!user?.email) return { sent: false };
  const signIn = new URL("/sign-in", settings.appUrl).toString();
  const host = new URL(settings.appUrl).hostname;
  const lines = [
    "Someone tried to create a Tradeoff account with your email address. Your account was not changed.",
    "If it was you, sign in with your password instead.",
    `Sign in: ${signIn}`,
    "If it was not you, you need do nothing: no one can sign in without your password.",
  ];
  await settings.mailer.send({
    to: user.email,
    subject: "Someone tried to sign up with your email address",
    text: lines.join("\n\n"),
    html: lines
      .map((line) =>
        line.startsWith("Sign in: ")
          ? `<p><a href="${escapeHtml(signIn)}">Sign in to Tradeoff</a></p>`
          : `<p>${escapeHtml(line)}</p>`,
      )
      .join(""),
    messageId: `<sign-up-attempt-${job.id}@${host}>`,
  });
  return { sent: true };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
