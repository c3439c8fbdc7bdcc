import type { PrismaClient } from "@tradeoff/db";
import { messageIdFor, paragraphsHtml } from "../notification/email-html";
import type { EmailSettings } from "../notification/send-email";

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
  const lines = email.lines.map((line) => line.replace("{signIn}", signIn));
  await settings.mailer.send({
    to: user.email,
    subject: email.subject,
    text: lines.join("\n\n"),
    html: paragraphsHtml(lines, {
      prefix: "Sign in: ",
      href: signIn,
      label: "Sign in to Tradeoff",
    }),
    messageId: messageIdFor(email.kind, job.id, settings.appUrl),
  });
  return { sent: true };
}
