"use client";

import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { useState } from "react";
import { toast } from "~/components/ui/toaster";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

type Kind = RouterOutputs["notification"]["preferences"]["kinds"][number];

/**
 * One choice per kind of notification, saved as soon as it changes. The choice shows at once and
 * goes back if the server refuses it; the select stays enabled meanwhile, because disabling it
 * would drop the keyboard's focus to the top of the page after every change.
 */
export function NotificationSettings({ initial }: { initial: Kind[] }) {
  const trpc = useTRPC();
  const [kinds, setKinds] = useState(initial);
  const show = (kind: Kind["kind"], delivery: Kind["delivery"]) =>
    setKinds((all) => all.map((k) => (k.kind === kind ? { ...k, delivery } : k)));
  const save = useMutation(
    trpc.notification.setPreference.mutationOptions({
      onSuccess: () => toast.success("Saved."),
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  function choose(kind: Kind, delivery: Kind["delivery"]) {
    show(kind.kind, delivery);
    save.mutate({ kind: kind.kind, delivery }, { onError: () => show(kind.kind, kind.delivery) });
  }
  return (
    <ul className="divide-y rounded-xl border">
      {kinds.map((k) => {
        const id = `delivery-${k.kind}`;
        return (
          // On a phone the choice goes under its words, at the full width.
          <li
            key={k.kind}
            className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4"
          >
            <label htmlFor={id} className="text-sm">
              {k.label}
            </label>
            <select
              id={id}
              className="h-11 w-full rounded-md border border-input bg-background px-2 text-sm sm:h-8 sm:w-auto"
              value={k.delivery}
              onChange={(event) => choose(k, event.target.value as Kind["delivery"])}
            >
              <option value="IN_APP">Inbox only</option>
              <option value="EMAIL">Inbox and email right away</option>
              <option value="DIGEST">Inbox and a daily digest email</option>
            </select>
          </li>
        );
      })}
    </ul>
  );
}
