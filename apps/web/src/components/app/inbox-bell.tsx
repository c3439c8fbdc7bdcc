"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { buttonVariants } from "~/components/ui/button";
import { useRetryRefusedStream } from "~/trpc/live-stream";
import { useTRPC } from "~/trpc/react";

/**
 * The header's bell: the signed-in member's unread notifications, kept current over the live
 * stream (a teammate's action anywhere raises it without a reload), linking to the inbox.
 */
export function InboxBell({ initialUnread }: { initialUnread: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [unread, setUnread] = useState(initialUnread);
  const subscription = useSubscription(
    trpc.notification.unread.subscriptionOptions(undefined, {
      onData: (data) => {
        setUnread(data.unread);
        // An open inbox shows what just arrived or was read in another tab.
        void queryClient.invalidateQueries(trpc.notification.list.pathFilter());
      },
    }),
  );
  useRetryRefusedStream(subscription);

  const label = unread === 0 ? "Inbox: no unread notifications" : `Inbox: ${unread} unread`;
  return (
    <Link
      href="/inbox"
      aria-label={label}
      title={label}
      className={buttonVariants({ variant: "ghost", size: "icon-sm" })}
      data-testid="inbox-bell"
    >
      <Bell aria-hidden />
      {unread > 0 ? (
        <span
          aria-hidden
          data-testid="inbox-unread"
          className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-primary px-1 text-center font-semibold text-[10px] text-primary-foreground leading-4"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
