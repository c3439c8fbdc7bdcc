"use client";

import type { RouterOutputs } from "@tradeoff/api";
import { criterionDone } from "@tradeoff/scoring";
import { Check, CircleAlert, CloudOff, RotateCw } from "lucide-react";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { Button } from "~/components/ui/button";
import { Label } from "~/components/ui/label";
import { Spinner } from "~/components/ui/spinner";
import { Textarea } from "~/components/ui/textarea";
import { ReasonsLoading } from "./reasons-loading";
import { ScalePicker } from "./scale-picker";
import type { SyncState, VoteValue } from "./use-vote-sync";

/** The pieces of a ballot the list and the matrix share: one way to edit, one way to show saving. */

export type Project = RouterOutputs["project"]["get"];
export type Criterion = Project["criteria"][number];
export type Edit = (change: (value: VoteValue) => VoteValue, delay?: number) => void;

/** One criterion of the voter's ballot, as the list's card and the matrix's row both show it. */
export type CriterionBallotProps = {
  projectId: string;
  index: number;
  criterion: Criterion;
  options: Project["options"];
  value: VoteValue | null;
  state: SyncState;
  disabled: boolean;
  onEdit: Edit;
  onRetry: () => void;
};

const RATIONALE_MAX = 1000;

/**
 * A criterion is done once every option has a score (the importance may stay at the project's
 * default), or when it is marked "no opinion": the scoring package's rule, which the project's
 * participation and "waiting on" count too.
 */
export function isComplete(value: VoteValue | null, options: Project["options"]) {
  return value !== null && criterionDone(options, value);
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

/** What both ballots' scales of one criterion share: its vote, whether it may change, how. */
type ScaleProps = {
  criterion: Criterion;
  value: VoteValue | null;
  disabled: boolean;
  onEdit: Edit;
  /** The matrix's small buttons, with the legend for screen readers only. */
  compact?: boolean;
};

/** How much the criterion matters to the voter, 0 to 5. */
export function ImportanceScale({ criterion, value, disabled, onEdit, compact }: ScaleProps) {
  return (
    <ScalePicker
      compact={compact}
      legend={`Importance of ${criterion.name}`}
      visibleLegend={compact ? undefined : "Importance"}
      min={0}
      max={5}
      value={value?.weight ?? null}
      disabled={disabled}
      lowLabel="does not matter"
      highLabel="matters most"
      onChange={(weight) => onEdit(setWeight(weight), 0)}
    />
  );
}

/** One option's score on the criterion, 1 to 5, with the template's reading drawn as a hint. */
export function OptionScoreScale({
  criterion,
  option,
  value,
  disabled,
  onEdit,
  compact,
}: ScaleProps & { option: Project["options"][number] }) {
  return (
    <ScalePicker
      compact={compact}
      legend={`${option.name} score on ${criterion.name}`}
      visibleLegend={compact ? undefined : option.name}
      min={1}
      max={5}
      value={value?.scores[option.key] ?? null}
      disabled={disabled}
      lowLabel={criterion.anchorLow ?? "poor"}
      highLabel={criterion.anchorHigh ?? "excellent"}
      hint={criterion.guidance[option.key]?.suggestedScore ?? null}
      onChange={(score) => onEdit(setScore(option.key, score), 0)}
    />
  );
}

/** Marks the criterion "no opinion" (complete, adding nothing to the averages), or unmarks it. */
export function NoOpinionButton({
  options,
  value,
  disabled,
  onEdit,
  quiet,
}: {
  options: Project["options"];
  value: VoteValue | null;
  disabled: boolean;
  onEdit: Edit;
  /** The matrix's row: a ghost button until pressed. */
  quiet?: boolean;
}) {
  const noOpinion = value?.noOpinion === true;
  return (
    <Button
      variant={noOpinion ? "secondary" : quiet ? "ghost" : "outline"}
      size="sm"
      disabled={disabled}
      aria-pressed={noOpinion}
      onClick={() => onEdit(toggleNoOpinion(options, noOpinion), 0)}
    >
      No opinion
    </Button>
  );
}

/** Said next to a criterion marked "no opinion". */
export const NO_OPINION_NOTE =
  "You marked no opinion: your ballot is complete here and adds nothing to the team's averages.";

/**
 * The guide's words on one option, and the score the template reads them as. The score is the
 * template author's reading (the article behind the built-in template gives words, not
 * numbers), so it is said to be the template's, never the guide's.
 */
export function GuideSummary({
  guidance,
}: {
  guidance: NonNullable<Criterion["guidance"][string]>;
}) {
  return (
    <>
      {guidance.summary}
      {guidance.suggestedScore ? (
        <span> (the template reads this as {guidance.suggestedScore} of 5)</span>
      ) : null}
    </>
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

/** Its code loads with the first opening of any criterion's "Team's reasons". */
const TeamReasonsList = dynamic(() => import("./team-reasons").then((m) => m.TeamReasonsList), {
  loading: () => <ReasonsLoading />,
});

/**
 * Teammates' reasons on one criterion, fetched when the voter opens it; while a blind vote is
 * open, only when they will show. The count in the summary comes with the first opening.
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
  const [open, setOpen] = useState(false);
  const [count, setCount] = useState<number | null>(null);
  return (
    <details
      className="rounded-md border border-border px-3 py-2 text-sm"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer font-medium">
        Team's reasons{count === null ? "" : ` (${count})`}
      </summary>
      {open ? (
        <div className="pt-2">
          <TeamReasonsList
            projectId={projectId}
            criterionKey={criterionKey}
            options={options}
            onCount={setCount}
          />
        </div>
      ) : null}
    </details>
  );
}
