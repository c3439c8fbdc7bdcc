import type { OutgoingMail } from "@tradeoff/auth";
import type { Prisma, PrismaClient } from "@tradeoff/db";
import { escapeHtml } from "../../domain/html";
import { messageIdFor } from "./email-html";
import type { NotificationKind } from "./kinds";
import { describeStoredNotification } from "./list-notifications";
import { deliveriesFor } from "./preferences";
import { whyNoLongerTrue } from "./still-true";
import { unsubscribeLink } from "./unsubscribe";

/** What sends an email (nodemailer over SMTP in the app; a test server's in tests). */
export type NotificationMailer = { send(mail: OutgoingMail): Promise<void> };

export type EmailSettings = {
  mailer: NotificationMailer;
  /** The app's public origin, for links (https://tradeoff.example.com). */
  appUrl: string;
  /** Signs unsubscribe links (the app's NEXTAUTH_SECRET). */
  secret: string;
  /** Where a notification email left unsent because it is no longer true is noted. */
  log?: EmailLog;
};

/**
 * What an email about notifications reads of each: whom it goes to, whether it is still true
 * (`whyNoLongerTrue`) and its sentence and link (`describeStoredNotification`).
 */
export const emailedNotificationSelect = {
  id: true,
  userId: true,
  kind: true,
  data: true,
  projectId: true,
  user: { select: { email: true } },
  actor: { select: { name: true, email: true } },
  team: { select: { name: true, slug: true } },
  project: { select: { title: true, deadline: true } },
} satisfies Prisma.NotificationSelect;

/** The app's logger, as far as email jobs use it (pino's `info`). */
export type EmailLog = { info(fields: Record<string, unknown>, message: string): void };

/**
 * The email job of one notification: plain text and HTML, a link to the project, and a signed
 * one-click unsubscribe link (also as List-Unsubscribe and List-Unsubscribe-Post headers).
 * Nothing is sent when the member has since chosen the inbox only for this kind, has no email
 * address, or the notification is gone; nor when what it says is no longer true by the time it
 * goes out (held up by a mail server outage, say): a decision no longer open, a ballot
 * completed since, a deadline passed or moved (`whyNoLongerTrue`); that is logged. The time
 * left before a deadline is counted when it is sent. Once sent, the notification counts as
 * delivered (`digestedAt`), so a daily digest chosen later does not repeat it. A job repeated
 * after a crash sends with the same Message-ID, so mail clients can tell it is the same message.
 */
export async function sendNotificationEmail(
  db: PrismaClient,
  settings: EmailSettings,
  job: { data: { notificationId: string } },
): Promise<{ sent: boolean }> {
  const row = await db.notification.findUnique({
    where: { id: BigInt(job.data.notificationId) },
    select: emailedNotificationSelect,
  });
  if (!row?.user.email) return { sent: false };
  const kind = row.kind as NotificationKind;
  const delivery = (await deliveriesFor(db, [row.userId], kind)).get(row.userId);
  if (delivery !== "EMAIL") return { sent: false };
  const now = new Date();
  const stale = (await whyNoLongerTrue(db, [row], now)).get(row);
  if (stale) {
    settings.log?.info(
      { notificationId: row.id.toString(), kind, reason: stale },
      `notification email not sent: ${stale}`,
    );
    return { sent: false };
  }

  const { text: sentence, href } = describeStoredNotification(row, now);
  const link = new URL(href, settings.appUrl).toString();
  const unsubscribe = unsubscribeLink(settings, row.userId, kind);
  await settings.mailer.send({
    to: row.user.email,
    subject: sentence.replace(/\.$/, ""),
    text: [
      sentence,
      "",
      `Open it in Tradeoff: ${link}`,
      "",
      `You get this email because of your notification settings for ${row.team.name}.`,
      `Stop these emails: ${unsubscribe.url}`,
    ].join("\n"),
    html: [
      `<p>${escapeHtml(sentence)}</p>`,
      `<p><a href="${escapeHtml(link)}">Open it in Tradeoff</a></p>`,
      `<p style="color:#666;font-size:12px">You get this email because of your notification settings for ${escapeHtml(row.team.name)}. `,
      `<a href="${escapeHtml(unsubscribe.url.toString())}">Stop these emails</a>.</p>`,
    ].join(""),
    messageId: messageIdFor("notification", row.id, settings.appUrl),
    headers: unsubscribe.headers,
  });
  await db.notification.updateMany({ where: { id: row.id }, data: { digestedAt: new Date() } });
  return { sent: true };
}
