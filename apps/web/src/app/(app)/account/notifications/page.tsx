import type { Metadata } from "next";
import { PageShell } from "~/components/app/page-heading";
import { requireSessionUser } from "~/server/auth";
import { api } from "~/trpc/server";
import { NotificationSettings } from "./notification-settings";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requireSessionUser("/account/notifications");
  const preferences = await api((c) => c.notification.preferences());
  return (
    <PageShell
      className="max-w-xl space-y-6"
      title="Notifications"
      description="Everything reaches your inbox. Choose what is also emailed to you: right away, or gathered in one email a day (at 08:00 UTC)."
    >
      {preferences.emailEnabled ? null : (
        <p className="rounded-md border px-3 py-2 text-sm" data-testid="email-off">
          Email is off on this server (SMTP_URL is not set): notifications reach your inbox only.
          Your choices below apply once email is turned on.
        </p>
      )}
      <NotificationSettings initial={preferences.kinds} />
    </PageShell>
  );
}
