import type { PrismaClient } from "@tradeoff/db";
import type { EmailSettings } from "../notification/send-email";

/**
 * The email a new account gets at sign-up: a link to sign in. A sign-up with an address that
 * already has an account sends its owner a different email instead (sign-up-attempt-email.ts),
 * so whoever signs up is told "check your inbox" either way. Nothing is sent when the account
 * is gone or has no email.
 */
export async function sendWelcomeEmail(
  db: PrismaClient,
  settings: EmailSettings,
  job: { id: string; data: { userId: string } },
): Promise<{ sent: boolean }> {
  const user = await db.user.findUnique({
    where: { id: job.data.userId },
    select: { email: true },
  });
  if (!user?.email) return { sent: false };
  const url = new URL("/sign-in", settings.appUrl);
  url.searchParams.set("email", user.email);
  const signIn = url.toString();
  const host = new URL(settings.appUrl).hostname;
  const lines = [
    "Your Tradeoff account is ready.",
    "Sign in with this email address and the password you chose.",
    `Sign in: ${signIn}`,
    "If you did not sign up, someone else typed your address: ignore this email, or ask the administrator of this Tradeoff to remove the account.",
  ];
  await settings.mailer.send({
    to: user.email,
    subject: "Your Tradeoff account is ready",
    text: lines.join("\n\n"),
    html: lines
      .map((line) =>
        line.startsWith("Sign in: ")
          ? `<p><a href="${escapeHtml(signIn)}">Sign in to Tradeoff</a></p>`
          : `<p>${escapeHtml(line)}</p>`,
      )
      .join(""),
    messageId: `<welcome-${job.id}@${host}>`,
  });
  return { sent: true };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
