import type { PrismaClient } from "@tradeoff/db";
import type { EmailSettings } from "../notification/send-email";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * An email about the account itself (welcome, a sign-up attempt with a used address): plain
 * paragraphs around one "Sign in" link, sent to the account's address. `lines` holds the text,
 * with `{signIn}` where the link goes. Nothing is sent when the account is gone or has no email.
 */
export async function sendAccountEmail(
  db: PrismaClient,
  settings: EmailSettings,
  job: { id: string; data: { userId: string } },
  email: {
    kind: string;
    subject: string;
    signInUrl: (address: string) => URL;
    lines: string[];
  },
): Promise<{ sent: boolean }> {
  const user = await db.user.findUnique({
    where: { id: job.data.userId },
    select: { email: true },
  });
  if (!user?.email) return { sent: false };
  const signIn = email.signInUrl(user.email).toString();
  const host = new URL(settings.appUrl).hostname;
  const lines = email.lines.map((line) => line.replace("{signIn}", signIn));
  await settings.mailer.send({
    to: user.email,
    subject: email.subject,
    text: lines.join("\n\n"),
    html: lines
      .map((line) =>
        line.startsWith("Sign in: ")
          ? `<p><a href="${escapeHtml(signIn)}">Sign in to Tradeoff</a></p>`
          : `<p>${escapeHtml(line)}</p>`,
      )
      .join(""),
    messageId: `<${email.kind}-${job.id}@${host}>`,
  });
  return { sent: true };
}
