"use client";

import type { RouterOutputs } from "@tradeoff/api";
import { Check, CircleAlert, CloudOff, RotateCw } from "lucide-react";
import { useEffect, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Label } from "~/components/ui/label";
import { Skeleton } from "~/components/ui/skeleton";
import { Spinner } from "~/components/ui/spinner";
import { Textarea } from "~/components/ui/textarea";
import { ScalePicker } from "./scale-picker";
import { type SyncState, useVoteSync, type VoteValue } from "./use-vote-sync";

type Project = RouterOutputs["project"]["get"];
type Criterion = Project["criteria"][number];

const RATIONALE_MAX = 1000;

/** One card per criterion: importance, a score per option, a rationale; saved as you go. */
export function VotingPanel({
  project,
  initialVotes,
}: {
  project: Project;
  /** The viewer's votes as the server rendered them, if it did. */
  initialVotes?: RouterOutputs["vote"]["mine"] | undefined;
}) {
  const canVote = project.viewer.canVote && project.status === "OPEN";
  const sync = useVoteSync(
    project.id,
    project.criteria.map((c) => c.key),
    project.viewer.canVote,
    initialVotes,
  );
  const states = Object.values(sync.entries).map((e) => e.state.kind);
  const failing = states.filter((k) => k === "retrying").length;
  const voted = project.criteria.filter((c) => sync.entries[c.key]).length;

  return (
    <section aria-labelledby="voting-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="voting-heading" className="font-semibold text-lg">
          Your vote
        </h2>
        {project.viewer.canVote ? (
          <p className="text-muted-foreground text-sm" aria-live="polite">
            {voted} of {project.criteria.length} criteria voted
          </p>
        ) : null}
      </div>
      {!project.viewer.canVote ? (
        <Alert variant="info">Viewers can read the decision and its result but do not vote.</Alert>
      ) : project.status === "DRAFT" ? (
        <Alert variant="info">
          Voting starts when the decision is opened. Until then, options and criteria can still
          change.
        </Alert>
      ) : project.status !== "OPEN" ? (
        <Alert variant="info">Voting is closed. Your votes are shown as they were counted.</Alert>
      ) : null}
      {failing > 0 ? (
        <Alert variant="warning" title="Saving is failing">
          {failing === 1 ? "One change is" : `${failing} changes are`} kept on this device and will
          be retried automatically. Nothing you entered is lost.
        </Alert>
      ) : null}
      {sync.loadError ? (
        <Alert variant="error">Your votes could not be loaded. Reload the page to try again.</Alert>
      ) : null}
      {!sync.ready ? (
        <div className="space-y-3">
          <Skeleton className="h-40" />
          <Skeleton className="h-40" />
        </div>
      ) : (
        <ol className="space-y-4">
          {project.criteria.map((criterion, index) => (
            <li key={criterion.key}>
              <CriterionVote
                index={index}
                criterion={criterion}
                options={project.options}
                value={sync.entries[criterion.key]?.value ?? null}
                state={sync.entries[criterion.key]?.state ?? { kind: "idle" }}
                disabled={!canVote}
                onEdit={(change, delay) => sync.edit(criterion.key, change, delay)}
                onRetry={() => sync.retry(criterion.key)}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

type CriterionVoteProps = {
  index: number;
  criterion: Criterion;
  options: Project["options"];
  value: VoteValue | null;
  state: SyncState;
  disabled: boolean;
  onEdit: (change: (value: VoteValue) => VoteValue, delay?: number) => void;
  onRetry: () => void;
};

function CriterionVote({
  index,
  criterion,
  options,
  value,
  state,
  disabled,
  onEdit,
  onRetry,
}: CriterionVoteProps) {
  const headingId = `criterion-${criterion.key}`;
  const noOpinion =
    value !== null && value.weight === null && Object.values(value.scores).every((s) => s === null);
  const [rationale, setRationale] = useState(value?.rationale ?? "");
  // Follow the vote when it changes elsewhere (loaded, restored), never while it echoes typing.
  const stored = value?.rationale ?? "";
  useEffect(() => {
    setRationale((local) => (local.trim() === stored.trim() ? local : stored));
  }, [stored]);
  const tooLong = rationale.length > RATIONALE_MAX;

  return (
    <Card aria-labelledby={headingId} role="group">
      <CardHeader>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <CardTitle as="h3" id={headingId} className="flex flex-wrap items-center gap-2">
            <span className="text-muted-foreground tabular-nums">{index + 1}.</span>
            {criterion.name}
            {criterion.mustHave ? <Badge variant="warning">Must-have</Badge> : null}
          </CardTitle>
          <SaveStatus state={state} onRetry={onRetry} />
        </div>
        {criterion.description ? <CardDescription>{criterion.description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="space-y-4">
        <ScalePicker
          legend={`Importance of ${criterion.name}`}
          visibleLegend="Importance"
          min={0}
          max={5}
          value={value?.weight ?? null}
          disabled={disabled}
          lowLabel="does not matter"
          highLabel="matters most"
          onChange={(weight) => onEdit((v) => ({ ...v, weight }), 0)}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          {options.map((option) => {
            const guidance = criterion.guidance[option.key];
            return (
              <div key={option.key} className="space-y-2 rounded-lg border border-border p-3">
                <ScalePicker
                  legend={`${option.name} score on ${criterion.name}`}
                  visibleLegend={option.name}
                  min={1}
                  max={5}
                  value={value?.scores[option.key] ?? null}
                  disabled={disabled}
                  lowLabel={criterion.anchorLow ?? "poor"}
                  highLabel={criterion.anchorHigh ?? "excellent"}
                  hint={guidance?.suggestedScore ?? null}
                  onChange={(score) =>
                    onEdit((v) => ({ ...v, scores: { ...v.scores, [option.key]: score } }), 0)
                  }
                />
                {guidance?.summary ? (
                  <p className="text-muted-foreground text-sm">
                    <span className="font-medium text-foreground">The guide says: </span>
                    {guidance.summary}
                    {guidance.suggestedScore ? (
                      <span> (leans {guidance.suggestedScore} of 5)</span>
                    ) : null}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${headingId}-rationale`}>Why (optional)</Label>
          <Textarea
            id={`${headingId}-rationale`}
            rows={2}
            value={rationale}
            disabled={disabled}
            aria-invalid={tooLong || undefined}
            aria-describedby={`${headingId}-rationale-count`}
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
            id={`${headingId}-rationale-count`}
            className={
              tooLong ? "font-medium text-destructive text-xs" : "text-muted-foreground text-xs"
            }
          >
            {tooLong
              ? `Too long to save: ${rationale.length} of ${RATIONALE_MAX} characters.`
              : `${rationale.length} / ${RATIONALE_MAX}`}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button
            variant={noOpinion ? "secondary" : "outline"}
            size="sm"
            disabled={disabled}
            aria-pressed={noOpinion}
            onClick={() =>
              onEdit(
                (v) => ({
                  weight: null,
                  scores: Object.fromEntries(options.map((o) => [o.key, null])),
                  rationale: v.rationale,
                }),
                0,
              )
            }
          >
            No opinion
          </Button>
          {noOpinion ? (
            <span className="text-muted-foreground text-sm">
              You have no opinion here; the team's view decides.
            </span>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}

function SaveStatus({ state, onRetry }: { state: SyncState; onRetry: () => void }) {
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
