"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toaster";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const names = new Intl.ListFormat("en", { type: "conjunction" });

type NudgeResult = RouterOutputs["project"]["nudge"];

/** "Nudged Bob and Carol. Skipped 1 member nudged in the last 12 hours." */
function nudgeOutcome({ nudged, skipped }: NudgeResult) {
  const done =
    nudged.length <= 3
      ? `Nudged ${names.format(nudged.map((n) => n.name))}.`
      : `Nudged ${nudged.length} members.`;
  if (skipped.length === 0) return done;
  const who = skipped.length === 1 ? "1 member" : `${skipped.length} members`;
  return `${done} Skipped ${who} nudged in the last 12 hours.`;
}

/**
 * Who an open decision is waiting on: each voter whose ballot is not complete (not started, or
 * how many criteria answered; in blind voting only who). Admins and the creator nudge them, each
 * at most once in 12 hours. Refreshed with the rest of the project by the live stream.
 */
export function WaitingOn({
  projectId,
  initialData,
}: {
  projectId: string;
  /** Rendered with the page on the server; kept current by the project's live refreshes. */
  initialData?: RouterOutputs["project"]["waitingOn"] | undefined;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery({
    ...trpc.project.waitingOn.queryOptions({ projectId }),
    initialData,
  });
  const nudge = useMutation(
    trpc.project.nudge.mutationOptions({
      onSuccess: (result) => toast.success(nudgeOutcome(result)),
      onError: (error) => toast.error(messageOf(error)),
      onSettled: () =>
        queryClient.invalidateQueries({
          queryKey: trpc.project.waitingOn.queryKey({ projectId }),
        }),
    }),
  );
  if (!data?.open) return null;
  // The buttons stay enabled while a nudge is on its way (disabling one drops the keyboard's
  // focus to the top of the page); a second press meanwhile does nothing.
  const send = (userIds?: string[]) => {
    if (!nudge.isPending) nudge.mutate({ projectId, userIds });
  };
  const nudgedId = (userId: string) => `${projectId}-nudged-${userId}`;

  return (
    <section aria-labelledby="waiting-on-heading" className="space-y-3 rounded-xl border p-4">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="waiting-on-heading" className="font-medium text-sm">
          Waiting on
        </h2>
        <p className="text-muted-foreground text-xs" data-testid="ballots-complete">
          {data.complete} of {data.voters} {data.voters === 1 ? "ballot" : "ballots"} complete
        </p>
      </div>
      {data.waiting.length === 0 ? (
        <p className="text-muted-foreground text-sm">Every voter's ballot is complete.</p>
      ) : (
        <ul className="space-y-2" data-testid="waiting-on">
          {data.waiting.map((member) => (
            <li key={member.userId} className="flex items-center justify-between gap-2 text-sm">
              <span className="min-w-0">
                <span className="truncate">
                  {member.isYou ? `${member.name} (you)` : member.name}
                </span>
                {member.state ? (
                  <span className="block text-muted-foreground text-xs">
                    {member.state === "not-started"
                      ? "Not started"
                      : `${member.answered} of ${member.total} ${member.total === 1 ? "criterion" : "criteria"} answered`}
                  </span>
                ) : null}
                {/* In words on the page, for touch and screen readers too, not in a tooltip. */}
                {member.nextNudgeAt ? (
                  <span
                    id={nudgedId(member.userId)}
                    className="block text-muted-foreground text-xs"
                  >
                    Nudged in the last 12 hours: next nudge possible{" "}
                    {timeFormat.format(new Date(member.nextNudgeAt))}
                  </span>
                ) : null}
              </span>
              {data.canNudge && !member.isYou ? (
                <Button
                  variant="outline"
                  size="sm"
                  aria-label={`Nudge ${member.name}`}
                  aria-describedby={member.nextNudgeAt ? nudgedId(member.userId) : undefined}
                  onClick={() => send([member.userId])}
                >
                  Nudge
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {data.canNudge && data.waiting.filter((m) => !m.isYou).length > 1 ? (
        <Button variant="secondary" size="sm" onClick={() => send()}>
          Nudge everyone waiting
        </Button>
      ) : null}
    </section>
  );
}
