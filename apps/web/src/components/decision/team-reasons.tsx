"use client";

import type { RouterOutputs } from "@tradeoff/api";
import type { Project } from "./ballot-parts";

type Reasons = RouterOutputs["vote"]["reasons"];

const when = (at: Date | string) =>
  new Date(at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * What teammates said on one criterion, as the ballot's "Team's reasons" shows it once opened:
 * kept out of the page's first load, since most voters never open it.
 */
export function TeamReasonsList({
  reasons,
  options,
}: {
  reasons: Reasons;
  options: Project["options"];
}) {
  if (reasons.hidden) return <p className="text-muted-foreground">{reasons.note}</p>;
  if (reasons.reasons.length === 0) {
    return <p className="text-muted-foreground">No reasons given yet.</p>;
  }
  return (
    <ul className="space-y-2">
      {reasons.reasons.map((r) => {
        const scored = options.filter((o) => r.scores[o.key] != null);
        return (
          <li key={r.author.id} className="rounded-md border border-border p-2">
            <p className="whitespace-pre-line">{r.reason}</p>
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
