"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback } from "react";
import { useOncePerBurst, useRetryRefusedStream } from "~/trpc/live-stream";
import { useTRPC } from "~/trpc/react";

/**
 * History events that change what the draft page shows; votes change what accepting asks for
 * (a provisional result, who has not finished).
 */
const DRAFT_EVENT = /^(draft\.|vote\.|decision\.recorded$|status\.changed$|project\.edited$)/;

/**
 * Keeps an open draft page current: the project's live stream says when a teammate changed a
 * field, reviewed, commented or accepted, and the draft is read again (once per burst).
 */
export function useDraftLive(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useOncePerBurst(
    useCallback(() => {
      void queryClient.invalidateQueries(trpc.draft.pathFilter());
    }, [queryClient, trpc]),
  );
  const subscription = useSubscription(
    trpc.live.project.subscriptionOptions(
      { projectId },
      {
        // Read the draft again once the stream is open: a change saved while it was connecting
        // (or reconnecting) sent its event to nobody.
        onStarted: refresh,
        onData: (streamed) => {
          const message = "kind" in streamed ? streamed : streamed.data;
          if (message.kind === "event" && DRAFT_EVENT.test(message.event.type)) refresh();
        },
      },
    ),
  );
  useRetryRefusedStream(subscription);
}
