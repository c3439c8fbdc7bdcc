"use client";

import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { Check, CircleAlert, CloudOff, RotateCw } from "lucide-react";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { Button } from "~/components/ui/button";
import { Label } from "~/components/ui/label";
import { Spinner } from "~/components/ui/spinner";
import { Textarea } from "~/components/ui/textarea";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { SyncState, VoteValue } from "./use-vote-sync";

/** The pieces of a ballot the list and the matrix share: one way to edit, one way to show saving. */

export type Project = RouterOutputs["project"]["get"];
export type Criterion = Project["criteria"][number];
export type Edit = (change: (value: VoteValue) => VoteValue, delay?: number) => void;

const RATIONALE_MAX = 1000;

/**
 * A criterion is done once every option has a score (the importance may stay at the project's
 * default), or when it is marked "no opinion".
 */
export function isComplete(value: VoteValue | null, options: Project["options"]) {
  if (!value) return false;
  return value.noOpinion === true || options.every((o) => value.scores[o.key] != null);
}

/** Setting the importance: sent at once; it takes back a "no opinion". */
export const setWeight = (weight: number) => (v: VoteValue) => ({ ...v, weight, noOpinion: false });

/** Setting one option's score: sent at once; it takes back a "no opinion". */
export const setScore = (optionKey: string, score: number) => (v: VoteValue) => ({
  ...v,
  scores: { ...v.scores, [optionKey]: score },
  noOpinion: false,
});

/**
 * An explicit abstention: clears importance and scores and keeps the reasons; pressed again
 * (`noOpinion` already true), takes it back.
 */
export const toggleNoOpinion =
  (options: Project["options"], noOpinion: boolean) => (v: VoteValue) => ({
    weight: null,
    scores: Object.fromEntries(options.map((o) => [o.key, null])),
    noOpinion: !noOpinion,
    rationale: v.rationale,
  });

/** The voter's own reasons for a criterion, saved shortly after they stop typing. */
export function RationaleField({
  id,
  value,
  disabled,
  onEdit,
}: {
  id: string;
  value: VoteValue | null;
  disabled: boolean;
  onEdit: Edit;
}) {
  const [rationale, setRationale] = useState(value?.rationale ?? "");
  // Follow the vote when it changes elsewhere (loaded, restored), never while it echoes typing.
  const stored = value?.rationale ?? "";
  useEffect(() => {
    setRationale((local) => (local.trim() === stored.trim() ? local : stored));
  }, [stored]);
  const tooLong = rationale.length > RATIONALE_MAX;
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>Why (optional)</Label>
      <Textarea
        id={id}
        rows={2}
        value={rationale}
        disabled={disabled}
        aria-invalid={tooLong || undefined}
        aria-describedby={`${id}-count`}
        onChange={(event) => {
          const text = event.target.value;
          setRationale(text);
          if (text.length <= RATIONALE_MAX) {
            // Sent as typed; the server trims it.
            onEdit((v) => ({ ...v, rationale: text.trim() ? text : null }), 800);
          }
        }}
      />
      <p
        id={`${id}-count`}
        className={
          tooLong ? "font-medium text-destructive text-xs" : "text-muted-foreground text-xs"
        }
      >
        {tooLong
          ? `Too long to save: ${rationale.length} of ${RATIONALE_MAX} characters.`
          : `${rationale.length} / ${RATIONALE_MAX}`}
      </p>
    </div>
  );
}

/** One criterion's saving state: saving, saved, or failing with a retry. */
export function SaveStatus({ state, onRetry }: { state: SyncState; onRetry: () => void }) {
  return (
    <div aria-live="polite" className="flex items-center gap-2 text-sm">
      {state.kind === "saving" ? (
        <span className="flex items-center gap-1.5 text-muted-foreground">
          <Spinner decorative className="size-3.5" /> Saving…
        </span>
      ) : state.kind === "saved" ? (
        <span className="flex items-center gap-1 text-success">
          <Check aria-hidden="true" className="size-4" /> Saved
        </span>
      ) : state.kind === "retrying" ? (
        <>
          <span className="flex items-center gap-1 text-warning">
            <CloudOff aria-hidden="true" className="size-4" />{" "}
            {state.uncertain
              ? "May not have been saved; retrying (that is safe)"
              : "Not saved yet, retrying"}
          </span>
          <Button variant="outline" size="sm" onClick={onRetry}>
            <RotateCw aria-hidden="true" /> Retry now
          </Button>
        </>
      ) : state.kind === "refused" ? (
        <span className="flex items-center gap-1 text-destructive">
          <CircleAlert aria-hidden="true" className="size-4" /> {state.message}
        </span>
      ) : null}
    </div>
  );
}

/** The list's code loads with the first opening of any criterion's "Team's reasons". */
const TeamReasonsList = dynamic(() => import("./team-reasons").then((m) => m.TeamReasonsList), {
  loading: () => <ReasonsLoading />,
});

function ReasonsLoading() {
  return (
    <span className="flex items-center gap-1.5 text-muted-foreground">
      <Spinner decorative className="size-3.5" /> Loading the team's reasons…
    </span>
  );
}

/**
 * Teammates' reasons on one criterion, fetched when the voter opens it (and again when they
 * reopen it after a change); while a blind vote is open, only when they will show.
 */
export function TeamReasons({
  projectId,
  criterionKey,
  options,
}: {
  projectId: string;
  criterionKey: string;
  options: Project["options"];
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const reasons = useQuery({
    ...trpc.vote.reasons.queryOptions({ projectId, criterionKey }),
    enabled: open,
  });
  const count = reasons.data && !reasons.data.hidden ? ` (${reasons.data.reasons.length})` : "";
  return (
    <details
      className="rounded-md border border-border px-3 py-2 text-sm"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer font-medium">Team's reasons{count}</summary>
      <div className="pt-2">
        {!open ? null : reasons.data ? (
          <TeamReasonsList reasons={reasons.data} options={options} />
        ) : reasons.error ? (
          <p role="alert" className="text-destructive">
            Could not load the team's reasons: {messageOf(reasons.error)}{" "}
            <Button variant="outline" size="sm" onClick={() => reasons.refetch()}>
              <RotateCw aria-hidden="true" /> Try again
            </Button>
          </p>
        ) : (
          <ReasonsLoading />
        )}
      </div>
    </details>
  );
}
