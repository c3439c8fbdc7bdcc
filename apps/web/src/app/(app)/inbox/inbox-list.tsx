"use client";

import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { Inbox } from "lucide-react";
import Link from "next/link";
import { useId, useRef } from "react";
import { ShowOlder, useFocusShown } from "~/components/app/show-older";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { useShowOlder } from "~/trpc/show-older";

type Page = RouterOutputs["notification"]["list"];

const OLDER_FAILED =
  'The older notifications could not be loaded. Press "Show older" to try again.';

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/**
 * Moves the keyboard's place to a notification's link once the button that had it is gone or
 * disabled ("Mark read" disappears, "Mark all read" greys out); otherwise focus would fall to the
 * page's start and the reader would tab through the header again. Only when focus was lost.
 */
function keepPlace(linkId: string | undefined, pressed: Element | null) {
  if (!linkId || typeof document === "undefined") return;
  const active = document.activeElement;
  if (active && active !== document.body && active !== pressed && active.isConnected) return;
  document.getElementById(linkId)?.focus();
}

/**
 * The inbox: each notification links to its project (an invitation to its page, none once it
 * was revoked or expired); opening one marks it read.
 */
export function InboxList({ initial }: { initial: Page }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const ids = useId();
  const linkId = (id: string) => `${ids}-notification-${id}`;
  // Every page shown is one query, under the procedure's key: a refresh (the bell's when a
  // notification arrives or is read elsewhere, or after a mark here) refetches all of them in
  // order, each from the last id of the one before, so no notification drops out between pages
  // and "Show older" always continues from what is on screen.
  const pages = infiniteQueryOptions({
    queryKey: [trpc.notification.list.pathKey()[0], { type: "infinite" }],
    queryFn: ({ pageParam }) => client.notification.list.query({ before: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page: Page) => page.nextBefore,
    initialData: { pages: [initial], pageParams: [null] },
  });
  const inbox = useInfiniteQuery(pages);
  const refresh = () => queryClient.invalidateQueries(trpc.notification.pathFilter());
  // The button last pressed: focus leaves it when it goes (see keepPlace).
  const pressed = useRef<Element | null>(null);
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      onSettled: async (_result, _error, { id }) => {
        await refresh();
        keepPlace(linkId(id), pressed.current);
      },
    }),
  );
  const markAll = useMutation(
    trpc.notification.markAllRead.mutationOptions({
      onSettled: async () => {
        await refresh();
        const first = queryClient.getQueryData(pages.queryKey)?.pages[0]?.items[0];
        keepPlace(first ? linkId(first.id) : undefined, pressed.current);
      },
    }),
  );
  // The first notification a press of "Show older" brought, focused once it is shown (the
  // button itself goes with the last page).
  const setFocusFirst = useFocusShown(
    (id) => document.getElementById(linkId(id)),
    () => pressed.current,
  );
  const showOlder = useShowOlder(
    inbox.data.pages.length,
    inbox.fetchNextPage,
    { one: "notification", many: "notifications", failed: OLDER_FAILED },
    setFocusFirst,
  );
  const items = inbox.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<Inbox />}
        titleAs="h2"
        title="Nothing here yet"
        description="You will be told here when a decision opens for your vote, when voting is about to close on a ballot you have not finished, and when a decision is recorded."
      />
    );
  }
  const unread = items.some((item) => !item.read);
  return (
    <div className="space-y-3">
      <div className="flex justify-end">
        <Button
          variant="outline"
          size="sm"
          disabled={!unread}
          // Busy, not disabled, while it works: a disabled button would drop the keyboard's
          // focus to the page's start before keepPlace could move it.
          loading={markAll.isPending}
          onClick={(event) => {
            pressed.current = event.currentTarget;
            markAll.mutate();
          }}
        >
          Mark all read
        </Button>
      </div>
      <ul className="divide-y rounded-xl border" aria-label="Notifications">
        {items.map((item) => (
          <li key={item.id} className="flex items-start gap-3 px-4 py-3">
            <span
              aria-hidden
              className={`mt-2 size-2 shrink-0 rounded-full ${item.read ? "bg-transparent" : "bg-primary"}`}
            />
            <div className="min-w-0 flex-1 space-y-0.5">
              {item.href ? (
                <Link
                  id={linkId(item.id)}
                  href={item.href}
                  // 24 px tall on one line too: a target a finger can press (WCAG 2.2, 2.5.8).
                  className={`block py-0.5 text-sm underline-offset-4 hover:underline ${item.read ? "text-muted-foreground" : "font-medium"}`}
                  onClick={() => {
                    if (!item.read) markRead.mutate({ id: item.id });
                  }}
                >
                  {item.text}
                  {item.read ? null : <span className="sr-only"> (unread)</span>}
                </Link>
              ) : (
                // Nothing to follow (an invitation revoked or expired since): the sentence
                // alone, focusable so the keyboard's place can still land on it.
                <p
                  id={linkId(item.id)}
                  tabIndex={-1}
                  className={`py-0.5 text-sm ${item.read ? "text-muted-foreground" : "font-medium"}`}
                >
                  {item.text}
                  {item.read ? null : <span className="sr-only"> (unread)</span>}
                </p>
              )}
              <p className="text-muted-foreground text-xs">
                {dateFormat.format(new Date(item.createdAt))}
              </p>
            </div>
            {item.read ? null : (
              <Button
                variant="ghost"
                size="sm"
                onClick={(event) => {
                  pressed.current = event.currentTarget;
                  markRead.mutate({ id: item.id });
                }}
                aria-label={`Mark read: ${item.text}`}
              >
                Mark read
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ShowOlder
        showOlder={showOlder}
        hasOlder={inbox.hasNextPage}
        items={items}
        label="Show older"
        failed={OLDER_FAILED}
        className="flex flex-col items-center gap-2"
        onPress={(button) => {
          pressed.current = button;
        }}
      />
    </div>
  );
}
