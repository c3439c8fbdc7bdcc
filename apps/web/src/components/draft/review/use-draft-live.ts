"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "~/trpc/react";

/** History events that change what the draft page shows. */
const DRAFT_EVENT = /^(draft\.|decision\.recorded$|status\.changed$|project\.edited$)/;

/**
 * Keeps an open draft page current: the project's live stream says when a teammate changed a
 * field, reviewed, commented or accepted, and the draft is read again (once per burst).
 */
export function useDraftLive(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const subscription = useSubscription(
    trpc.live.project.subscriptionOptions(
      { projectId },
      {
        onData: (streamed) => {
          const message = "kind" in streamed ? streamed : streamed.data;
          if (message.kind !== "event" || !DRAFT_EVENT.test(message.event.type)) return;
          if (timer.current) return;
          timer.current = setTimeout(() => {
            timer.current = null;
            void queryClient.invalidateQueries(trpc.draft.pathFilter());
          }, 120);
        },
      },
    ),
  );
  const { status, reset } = subscription;
  useEffect(() => {
    if (status !== "error") return;
    const retry = setTimeout(reset, 3_000);
    return () => clearTimeout(retry);
  }, [status, reset]);
}
