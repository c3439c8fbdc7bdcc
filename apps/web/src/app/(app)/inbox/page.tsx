import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "~/server/auth";
import { api } from "~/trpc/server";
import { InboxList } from "./inbox-list";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  // The layout redirects too, but pages render alongside it: never call the API signed out.
  if (!(await getSessionUser())) redirect("/sign-in?callbackUrl=/inbox");
  const first = await api((c) => c.notification.list({ before: null }));
  return (
    <div className="max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="font-semibold text-2xl tracking-tight">Inbox</h1>
        <p className="text-muted-foreground text-sm">
          What happened in your teams that concerns you, newest first.
        </p>
      </div>
      <InboxList initial={first} />
    </div>
  );
}
