import type { Metadata } from "next";
import { PageShell } from "~/components/app/page-heading";
import { requireSessionUser } from "~/server/auth";
import { api } from "~/trpc/server";
import { InboxList } from "./inbox-list";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  await requireSessionUser("/inbox");
  const first = await api((c) => c.notification.list({ before: null }));
  return (
    <PageShell
      className="max-w-2xl space-y-6"
      title="Inbox"
      description="What happened in your teams that concerns you, newest first."
    >
      <InboxList initial={first} />
    </PageShell>
  );
}
