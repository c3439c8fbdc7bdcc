import type { PrismaClient } from "@tradeoff/db";
import { escapeHtml } from "../../domain/html";
import type { NotificationKind } from "./kinds";
import { describeStoredNotification } from "./list-notifications";
import { INBOX_ONLY_KINDS } from "./preferences";
import type { EmailSettings } from "./send-email";
import { unsubscribeToken } from "./unsubscribe";

/** Most notifications listed in one digest; the rest wait in the inbox. */
const DIGEST_MAX = 50;

/**
 * The daily digest job: one email per member who chose "daily digest" for some kinds, listing
 * the notifications of those kinds not yet digested, each with its link. A notification is
 * marked digested once its email has been handed to the SMTP server (a crash in between sends
 * it again the next day: at least once, never lost). Each digest carries a signed one-click
 * unsubscribe link (also as List-Unsubscribe and List-Unsubscribe-Post headers) that turns the
 * digest off. Kinds that are never emailed (invitations: they have their own email) are left out.
 */
export async function sendDailyDigests(
  db: PrismaClient,
  settings: EmailSettings,
): Promise<{ emails: number }> {
  const chosen = await db.notificationPreference.findMany({
    where: { delivery: "DIGEST" },
    select: { userId: true, kind: true },
  });
  const kindsByUser = new Map<string, string[]>();
  for (const row of chosen) {
    if (INBOX_ONLY_KINDS.has(row.kind as NotificationKind)) continue;
    kindsByUser.set(row.userId, [...(kindsByUser.get(row.userId) ?? []), row.kind]);
  }
  let emails = 0;
  for (const [userId, kinds] of kindsByUser) {
    const rows = await db.notification.findMany({
      where: { userId, kind: { in: kinds }, digestedAt: null },
      orderBy: { id: "asc" },
      take: DIGEST_MAX,
      select: {
        id: true,
        kind: true,
        data: true,
        projectId: true,
        user: { select: { email: true } },
        actor: { select: { name: true, email: true } },
        team: { select: { name: true, slug: true } },
        project: { select: { title: true } },
      },
    });
    const to = rows[0]?.user.email;
    if (!to) continue;
    const items = rows.map((row) => {
      const { text, href } = describeStoredNotification(row);
      return { text, link: new URL(href, settings.appUrl).toString() };
    });
    const settingsLink = new URL("/account/notifications", settings.appUrl).toString();
    const unsubscribe = new URL("/api/unsubscribe", settings.appUrl);
    unsubscribe.searchParams.set("token", unsubscribeToken(settings.secret, userId, "digest"));
    await settings.mailer.send({
      to,
      subject: `Tradeoff: ${items.length} ${items.length === 1 ? "notification" : "notifications"} today`,
      text: [
        ...items.flatMap((item) => [`- ${item.text}`, `  ${item.link}`]),
        "",
        `You get this daily digest because of your notification settings: ${settingsLink}`,
        `Stop the daily digest: ${unsubscribe}`,
      ].join("\n"),
      html: [
        "<ul>",
        ...items.map(
          (item) => `<li><a href="${escapeHtml(item.link)}">${escapeHtml(item.text)}</a></li>`,
        ),
        "</ul>",
        `<p style="color:#666;font-size:12px">You get this daily digest because of your <a href="${escapeHtml(settingsLink)}">notification settings</a>. `,
        `<a href="${escapeHtml(unsubscribe.toString())}">Stop the daily digest</a>.</p>`,
      ].join(""),
      headers: {
        "List-Unsubscribe": `<${unsubscribe}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
    await db.notification.updateMany({
      where: { id: { in: rows.map((row) => row.id) } },
      data: { digestedAt: new Date() },
    });
    emails++;
  }
  return { emails };
}
