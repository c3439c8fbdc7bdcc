import { type PrismaClient, sql, statement } from "@tradeoff/db";
import { JOB_QUEUES, jobId, sendInTransaction } from "@tradeoff/db/jobs";
import { escapeHtml } from "../../domain/html";
import { messageIdFor } from "./email-html";
import { describeStoredNotification } from "./list-notifications";
import { INBOX_ONLY_KINDS } from "./preferences";
import { type EmailSettings, emailedNotificationSelect } from "./send-email";
import { whyNoLongerTrue } from "./still-true";
import { unsubscribeLink } from "./unsubscribe";

/** Most notifications listed in one digest; the rest wait in the inbox. */
const DIGEST_MAX = 50;

/** Digest email jobs queued in one transaction. */
const QUEUE_BATCH = 200;

/** One member's digest of one day: the job the daily run queues for them. */
export type DigestEmailJob = { userId: string; day: string };

/** The day (UTC, `YYYY-MM-DD`) a digest belongs to: one digest per member and day. */
export const digestDay = (at: Date): string => at.toISOString().slice(0, 10);

const membersWithDigestDue = statement<{ inboxOnly: string[] }, { userId: string }>(
  ({ inboxOnly }) =>
    sql`SELECT DISTINCT p.user_id AS "userId" FROM notification_preferences p
        WHERE p.delivery = 'DIGEST' AND NOT (p.kind = ANY(${inboxOnly}::text[]))
          AND EXISTS (SELECT 1 FROM notifications n
                      WHERE n.user_id = p.user_id AND n.kind = p.kind AND n.digested_at IS NULL
                        AND n.read_at IS NULL)
        ORDER BY 1`,
);

/**
 * The daily digest job: queues one digest email job for each member who chose "daily digest"
 * for some kinds and has unread notifications of those kinds not yet emailed. Each job is named after
 * its member and `day`, so a run repeated the same day (after its expiry, or by hand) queues
 * none twice: a member gets at most one digest a day. Kinds that are never emailed
 * (invitations: they have their own email) are left out.
 */
export async function queueDailyDigests(
  db: PrismaClient,
  day: string = digestDay(new Date()),
): Promise<{ queued: number }> {
  const due = await membersWithDigestDue(db, { inboxOnly: [...INBOX_ONLY_KINDS] });
  let queued = 0;
  for (let start = 0; start < due.length; start += QUEUE_BATCH) {
    const batch = due.slice(start, start + QUEUE_BATCH);
    queued += await db.$transaction(async (tx) => {
      let sent = 0;
      for (const { userId } of batch) {
        const job: DigestEmailJob = { userId, day };
        const id = await sendInTransaction(tx, JOB_QUEUES.digestEmail, job, {
          id: jobId(JOB_QUEUES.digestEmail, userId, day),
        });
        if (id) sent++;
      }
      return sent;
    });
  }
  return { queued };
}

/**
 * One member's digest email: what is still true and not yet emailed of the kinds they chose as
 * a digest, each with its link. Left out: what they have read in the inbox, what was already
 * emailed on its own (the kind was "email right away" until they switched), and asks that no
 * longer hold (`whyNoLongerTrue`: a decision closed, their ballot completed, a deadline passed
 * or moved since); those are settled without an email. What is listed is marked digested once
 * the email has been handed to the SMTP server (a crash in between sends it again, with the
 * same Message-ID: at least once, never lost). Each digest carries a signed one-click
 * unsubscribe link (also as List-Unsubscribe and List-Unsubscribe-Post headers) that turns the
 * digest off. Nothing is sent when nothing is due (the member changed their choice, read it
 * all, or it was sent already).
 */
export async function sendDigestEmail(
  db: PrismaClient,
  settings: EmailSettings,
  job: { data: DigestEmailJob },
): Promise<{ sent: boolean }> {
  const { userId, day } = job.data;
  const chosen = await db.notificationPreference.findMany({
    where: { userId, delivery: "DIGEST", kind: { notIn: [...INBOX_ONLY_KINDS] } },
    select: { kind: true },
  });
  const kinds = chosen.map((row) => row.kind);
  if (kinds.length === 0) return { sent: false };
  const unread = await db.notification.findMany({
    where: { userId, kind: { in: kinds }, digestedAt: null, readAt: null },
    orderBy: { id: "asc" },
    take: DIGEST_MAX,
    select: emailedNotificationSelect,
  });
  const now = new Date();
  const stale = await whyNoLongerTrue(db, unread, now);
  const rows = unread.filter((row) => !stale.get(row));
  const settled = unread.filter((row) => stale.get(row)).map((row) => row.id);
  if (settled.length > 0) {
    await db.notification.updateMany({
      where: { id: { in: settled } },
      data: { digestedAt: now },
    });
  }
  const to = rows[0]?.user.email;
  if (!to) return { sent: false };
  const items = rows.map((row) => {
    const { text, href } = describeStoredNotification(row, now);
    return { text, link: new URL(href, settings.appUrl).toString() };
  });
  const settingsLink = new URL("/account/notifications", settings.appUrl).toString();
  const unsubscribe = unsubscribeLink(settings, userId, "digest");
  await settings.mailer.send({
    to,
    subject: `Tradeoff: ${items.length} ${items.length === 1 ? "notification" : "notifications"} today`,
    text: [
      ...items.flatMap((item) => [`- ${item.text}`, `  ${item.link}`]),
      "",
      `You get this daily digest because of your notification settings: ${settingsLink}`,
      `Stop the daily digest: ${unsubscribe.url}`,
    ].join("\n"),
    html: [
      "<ul>",
      ...items.map(
        (item) => `<li><a href="${escapeHtml(item.link)}">${escapeHtml(item.text)}</a></li>`,
      ),
      "</ul>",
      `<p style="color:#666;font-size:12px">You get this daily digest because of your <a href="${escapeHtml(settingsLink)}">notification settings</a>. `,
      `<a href="${escapeHtml(unsubscribe.url.toString())}">Stop the daily digest</a>.</p>`,
    ].join(""),
    messageId: messageIdFor("digest", `${userId}-${day}`, settings.appUrl),
    headers: unsubscribe.headers,
  });
  await db.notification.updateMany({
    where: { id: { in: rows.map((row) => row.id) } },
    data: { digestedAt: new Date() },
  });
  return { sent: true };
}
