"use client";

import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { useState } from "react";
import { toast } from "~/components/ui/toaster";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

type Kind = RouterOutputs["notification"]["preferences"]["kinds"][number];

/** One choice per kind of notification, saved as soon as it changes. */
export function NotificationSettings({ initial }: { initial: Kind[] }) {
  const trpc = useTRPC();
  const [kinds, setKinds] = useState(initial);
  const save = useMutation(
    trpc.notification.setPreference.mutationOptions({
      onSuccess: (saved) => {
        setKinds((all) =>
          all.map((k) => (k.kind === saved.kind ? { ...k, delivery: saved.delivery } : k)),
        );
        toast.success("Saved.");
      },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  return (
    <ul className="divide-y rounded-xl border">
      {kinds.map((k) => {
        const id = `delivery-${k.kind}`;
        return (
          <li key={k.kind} className="flex items-center justify-between gap-4 px-4 py-3">
            <label htmlFor={id} className="text-sm">
              {k.label}
            </label>
            <select
              id={id}
              className="h-8 rounded-md border border-input bg-background px-2 text-sm"
              value={k.delivery}
              disabled={save.isPending}
              onChange={(event) =>
                save.mutate({ kind: k.kind, delivery: event.target.value as Kind["delivery"] })
              }
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
