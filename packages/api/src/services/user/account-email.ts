import type { PrismaClient } from "@tradeoff/db";
import { messageIdFor, paragraphsHtml } from "../notification/email-html";
import type { EmailSettings } from "../notification/send-email";

/** An account email's job: the account it is about. */
type AccountEmailJob = { id: string; data: { userId: string } };

/** What an account email says: its kind (for its Message-ID), subject and paragraphs. */
type AccountEmail = { kind: string; subject: string; lines: string[] };

/**
 * An email about the account itself (welcome, a sign-up attempt with a used address): plain
 * paragraphs around one "Sign in" link, sent to the account's address. `lines` holds the text,
 * with `{signIn}` where the link goes. Nothing is sent when the account is gone or has no email.
 */
export async function sendAccountEmail(
  db: PrismaClient,
  settings: EmailSettings,
  job: AccountEmailJob,
  email: AccountEmail & { signInUrl: (address: string) => URL },
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

/** The job handler of an account email whose link is the sign-in page itself. */
export const accountEmail =
  (email: AccountEmail) =>
  (db: PrismaClient, settings: EmailSettings, job: AccountEmailJob): Promise<{ sent: boolean }> =>
    sendAccountEmail(db, settings, job, {
      ...email,
      signInUrl: () => new URL("/sign-in", settings.appUrl),
    });
