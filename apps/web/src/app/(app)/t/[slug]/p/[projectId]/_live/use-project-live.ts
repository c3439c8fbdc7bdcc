"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useState } from "react";
import { useOncePerBurst, useRetryRefusedStream } from "~/trpc/live-stream";
import { useTRPC } from "~/trpc/react";

type Streamed = RouterOutputs["live"]["project"] extends AsyncIterable<infer T> ? T : never;
type LiveMessage = Extract<Streamed, { kind: string }>;
export type LiveEvent = Extract<LiveMessage, { kind: "event" }>["event"];
export type Viewer = Extract<LiveMessage, { kind: "presence" }>["viewers"][number];
/** Where a page's stream starts: the newest change when the page was read (`live.position`). */
export type LivePosition = RouterOutputs["live"]["position"];

/**
 * Keeps an open project page current: one live stream per tab; every change a teammate makes
 * refreshes the project's queries (project, recommendation, history, comments) without a
 * reload, and the people viewing the project are kept in `viewers`. The stream starts at `from`,
 * the newest change when the page was read on the server, so a change made while the page
 * loaded is sent too; after a dropped connection it resumes from the last event it received.
 */
export function useProjectLive(projectId: string, from?: LivePosition) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [lastEvent, setLastEvent] = useState<LiveEvent | null>(null);

  const refresh = useOncePerBurst(
    useCallback(() => {
      // Not trpc.vote.*: that is the viewer's own votes, which the voting panel keeps itself
      // (a refetch mid-edit must not replace what they are typing).
      for (const filter of [
        trpc.project.pathFilter(),
        trpc.history.pathFilter(),
        trpc.comment.pathFilter(),
      ]) {
        void queryClient.invalidateQueries(filter);
      }
    }, [queryClient, trpc]),
  );

  const subscription = useSubscription(
    trpc.live.project.subscriptionOptions(
      { projectId, lastEventId: from?.lastEventId ?? null, lastEditAt: from?.lastEditAt ?? null },
      {
        onData: (streamed) => {
          const message: LiveMessage = "kind" in streamed ? streamed : streamed.data;
          if (message.kind === "presence") {
            setViewers(message.viewers);
            return;
          }
          setLastEvent(message.event);
          refresh();
        },
      },
    ),
  );
  useRetryRefusedStream(subscription);

  return { viewers, lastEvent, status: subscription.status };
}
