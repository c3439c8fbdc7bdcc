"use client";

import { useQuery } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { useEffect } from "react";
import { MarkdownText } from "~/components/markdown/markdown";
import { Button } from "~/components/ui/button";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { ReasonsLoading } from "./reasons-loading";

const when = (at: Date | string) =>
  new Date(at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * What teammates said on one criterion, as the ballot's "Team's reasons" shows it once opened
 * (fetched then, and again on a later opening once stale): kept out of the page's first load,
 * since most voters never open it (and with it the Markdown renderer the reasons are shown
 * with). `onCount` gets how many there are, for the summary.
 */
export function TeamReasonsList({
  projectId,
  criterionKey,
  options,
  onCount,
}: {
  projectId: string;
  criterionKey: string;
  options: { key: string; name: string }[];
  onCount: (count: number | null) => void;
}) {
  const trpc = useTRPC();
  const query = useQuery(trpc.vote.reasons.queryOptions({ projectId, criterionKey }));
  const data = query.data;
  useEffect(() => {
    if (data) onCount(data.hidden ? null : data.reasons.length);
  }, [data, onCount]);

  if (query.error) {
    return (
      <p role="alert" className="text-destructive">
        Could not load the team's reasons: {messageOf(query.error)}{" "}
        <Button variant="outline" size="sm" onClick={() => query.refetch()}>
          <RotateCw aria-hidden="true" /> Try again
        </Button>
      </p>
    );
  }
  if (!data) return <ReasonsLoading />;
  if (data.hidden) return <p className="text-muted-foreground">{data.note}</p>;
  if (data.reasons.length === 0) {
    return <p className="text-muted-foreground">No reasons given yet.</p>;
  }
  return (
    <ul className="space-y-2">
      {data.reasons.map((r) => {
        const scored = options.filter((o) => r.scores[o.key] != null);
        return (
          <li key={r.author.id} className="rounded-md border border-border p-2">
            <MarkdownText text={r.reason} headingLevel={4} />
            <p className="text-muted-foreground text-xs">
              <span className="font-medium text-foreground">{r.author.name}</span>,{" "}
              <time dateTime={new Date(r.at).toISOString()}>{when(r.at)}</time>
              {r.noOpinion ? " · no opinion" : null}
              {r.importance != null ? ` · importance ${r.importance} of 5` : null}
              {scored.length > 0
                ? ` · ${scored.map((o) => `${o.name} ${r.scores[o.key]} of 5`).join(", ")}`
                : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
