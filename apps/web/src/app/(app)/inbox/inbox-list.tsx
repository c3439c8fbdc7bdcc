"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { Inbox } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { useTRPC } from "~/trpc/react";

type Page = RouterOutputs["notification"]["list"];
type Item = Page["items"][number];

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

/** The inbox: each notification links to its project; opening one marks it read. */
export function InboxList({ initial }: { initial: Page }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const linkId = (id: string) => `${ids}-notification-${id}`;
  const { data } = useQuery(
    trpc.notification.list.queryOptions({ before: null }, { initialData: initial }),
  );
  const [older, setOlder] = useState<Item[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(initial.nextBefore);
  const refresh = () => queryClient.invalidateQueries(trpc.notification.pathFilter());
  // The button last pressed: focus leaves it when it goes (see keepPlace).
  const pressed = useRef<Element | null>(null);
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      onSuccess: (_result, { id }) =>
        setOlder((items) => items.map((item) => (item.id === id ? { ...item, read: true } : item))),
      onSettled: async (_result, _error, { id }) => {
        await refresh();
        keepPlace(linkId(id), pressed.current);
      },
    }),
  );
  const markAll = useMutation(
    trpc.notification.markAllRead.mutationOptions({
      onSuccess: () => setOlder((items) => items.map((item) => ({ ...item, read: true }))),
      onSettled: async () => {
        await refresh();
        const first = queryClient.getQueryData(trpc.notification.list.queryKey({ before: null }))
          ?.items[0];
        keepPlace(first ? linkId(first.id) : undefined, pressed.current);
      },
    }),
  );
  // The first notification a press of "Show older" brought, focused once it is shown (the
  // button itself goes with the last page), and what the press brought, in words.
  const [focusFirst, setFocusFirst] = useState<string | null>(null);
  const [shown, setShown] = useState("");
  const loadMore = useMutation({
    mutationFn: (before: string) =>
      queryClient.fetchQuery(trpc.notification.list.queryOptions({ before })),
    onSuccess: (page) => {
      setOlder((items) => [...items, ...page.items]);
      setNextBefore(page.nextBefore);
      const count = page.items.length;
      setShown(`${count} older ${count === 1 ? "notification" : "notifications"} shown.`);
      setFocusFirst(page.items[0]?.id ?? null);
    },
  });
  useEffect(() => {
    if (!focusFirst) return;
    setFocusFirst(null);
    const active = document.activeElement;
    if (active === pressed.current || active === document.body || !active?.isConnected) {
      document.getElementById(linkId(focusFirst))?.focus();
    }
  });

  const seen = new Set(data.items.map((item) => item.id));
  const items = [...data.items, ...older.filter((item) => !seen.has(item.id))];
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
              <Link
                id={linkId(item.id)}
                href={item.href}
                className={`block text-sm underline-offset-4 hover:underline ${item.read ? "text-muted-foreground" : "font-medium"}`}
                onClick={() => {
                  if (!item.read) markRead.mutate({ id: item.id });
                }}
              >
                {item.text}
                {item.read ? null : <span className="sr-only"> (unread)</span>}
              </Link>
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
      {nextBefore ? (
        <div className="flex justify-center">
          <Button
            variant="outline"
            size="sm"
            loading={loadMore.isPending}
            onClick={(event) => {
              pressed.current = event.currentTarget;
              loadMore.mutate(nextBefore);
            }}
          >
            Show older
          </Button>
        </div>
      ) : null}
      <p role="status" className="sr-only">
        {shown}
      </p>
    </div>
  );
}
