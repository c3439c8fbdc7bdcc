"use client";

import type { RouterOutputs } from "@tradeoff/api";
import {
  Check,
  ChevronDown,
  CircleAlert,
  CloudOff,
  LayoutList,
  RotateCw,
  Table2,
} from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { Spinner } from "~/components/ui/spinner";
import {
  type CriterionBallotProps,
  GuideSummary,
  ImportanceScale,
  isComplete,
  NO_OPINION_NOTE,
  NoOpinionButton,
  OptionScoreScale,
  type Project,
  RationaleField,
  SaveStatus,
  TeamReasons,
} from "./ballot-parts";
import { type SyncState, useVoteSync } from "./use-vote-sync";

/**
 * The matrix layout loads only for members who chose it (rendered on the server for them, its
 * code preloaded with the page); the list stays in the page's own code.
 */
const BallotMatrix = dynamic(() => import("./ballot-matrix").then((m) => m.BallotMatrix), {
  loading: () => <Skeleton className="h-96" />,
});

export type BallotView = "LIST" | "MATRIX";

/**
 * The member's ballot, saved as they go: one card per criterion (importance, a score per
 * option, a rationale), or a compact matrix with one row per criterion. Both edit through the
 * same vote sync, so saving looks and works the same in either.
 */
export function VotingPanel({
  project,
  initialVotes,
  view = "LIST",
  onViewChange,
  viewNotSaved = false,
}: {
  project: Project;
  /** The viewer's votes as the server rendered them, if it did. */
  initialVotes?: RouterOutputs["vote"]["mine"] | undefined;
  /** The layout the member chose (remembered on their account). */
  view?: BallotView;
  onViewChange?: (view: BallotView) => void;
  /** The choice of layout could not be remembered on the server. */
  viewNotSaved?: boolean;
}) {
  const sync = useVoteSync(
    project.viewer.userId,
    project.id,
    project.criteria.map((c) => c.key),
    project.viewer.canVote,
    initialVotes,
  );
  const canVote = project.viewer.canVote && project.status === "OPEN" && !sync.otherAccount;
  const states = Object.values(sync.entries).map((e) => e.state.kind);
  const failing = states.filter((k) => k === "retrying").length;
  const isDone = (key: string) => isComplete(sync.entries[key]?.value ?? null, project.options);
  const done = project.criteria.filter((c) => isDone(c.key)).length;
  // Criteria done before this visit show folded; one the voter works on in this visit stays open
  // (folding it as they move on would shift the page under the pointer mid-click).
  const [current, setWorking] = useState<string | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const setCurrent = (key: string) => {
    setWorking(key);
    setTouched((keys) => (keys.has(key) ? keys : new Set(keys).add(key)));
  };
  const [onlyLeft, setOnlyLeft] = useState(false);
  const retryAll = () => {
    for (const [key, entry] of Object.entries(sync.entries)) {
      if (entry.state.kind === "retrying") sync.retry(key);
    }
  };

  /** Unfolds a done criterion and moves focus to its first choice, where the fold button was. */
  function unfold(key: string) {
    setCurrent(key);
    requestAnimationFrame(() => {
      const card = document.querySelector<HTMLElement>(`[data-criterion="${key}"]`);
      card?.querySelector<HTMLInputElement>("input:checked, input")?.focus();
    });
  }

  /**
   * Scrolls to the first criterion without a complete vote, from the one being worked on
   * onwards (wrapping), and focuses its first empty scale.
   */
  function goToNextUnscored() {
    const keys = project.criteria.map((c) => c.key);
    const from = current ? Math.max(0, keys.indexOf(current)) : 0;
    const next = [...keys.slice(from), ...keys.slice(0, from)].find((key) => !isDone(key));
    if (!next) return;
    setCurrent(next);
    // After the render that unfolds it.
    requestAnimationFrame(() => {
      const card = document.querySelector<HTMLElement>(`[data-criterion="${next}"]`);
      if (!card) return;
      card.scrollIntoView({ block: "start", behavior: "smooth" });
      const empty = [...card.querySelectorAll("fieldset")].find(
        (set) => !set.querySelector("input:checked"),
      );
      (empty?.querySelector("input") ?? card.querySelector("input"))?.focus({
        preventScroll: true,
      });
    });
  }

  return (
    <section aria-labelledby="voting-heading" className="space-y-4" data-ballot-view={view}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="voting-heading" className="font-semibold text-lg">
          Your vote
        </h2>
        {onViewChange ? (
          <fieldset className="flex items-center gap-1">
            <legend className="sr-only">Ballot layout</legend>
            {(
              [
                ["LIST", "List", LayoutList],
                ["MATRIX", "Matrix", Table2],
              ] as const
            ).map(([value, label, Icon]) => (
              <Button
                key={value}
                variant={view === value ? "secondary" : "ghost"}
                size="sm"
                aria-pressed={view === value}
                onClick={() => onViewChange(value)}
              >
                <Icon aria-hidden="true" /> {label}
              </Button>
            ))}
          </fieldset>
        ) : null}
      </div>
      {viewNotSaved ? (
        <p className="text-muted-foreground text-sm" role="status">
          Your choice of layout could not be remembered; it applies on this page until you reload.
        </p>
      ) : null}
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
      {project.viewer.canVote && sync.ready ? (
        // Stays in view while the voter scrolls through the criteria: under the app header, or at
        // the top on a phone (whose header scrolls away). Not on a screen too short to spare the
        // room (a phone held sideways, a page zoomed to 400%), where it would hide what has focus.
        <div
          className="z-20 tall:sticky tall:top-0 sm:tall:top-14 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-border bg-background/95 px-3 py-1.5 shadow-xs backdrop-blur"
          data-testid="ballot-progress"
          // The page keeps room for it when scrolling to what has focus (globals.css).
          data-sticky-progress
        >
          <p className="font-medium text-sm tabular-nums" aria-live="polite">
            {done} of {project.criteria.length}{" "}
            {project.criteria.length === 1 ? "criterion" : "criteria"} done
          </p>
          <SaveSummary entries={sync.entries} onRetry={retryAll} />
          <div className="ml-auto flex flex-wrap items-center gap-1">
            {canVote && done < project.criteria.length ? (
              <Button variant="ghost" size="sm" onClick={goToNextUnscored}>
                Next unscored
              </Button>
            ) : null}
            <Button
              variant={onlyLeft ? "secondary" : "ghost"}
              size="sm"
              aria-pressed={onlyLeft}
              onClick={() => setOnlyLeft((v) => !v)}
            >
              Show only what is left
            </Button>
          </div>
        </div>
      ) : null}
      {failing > 0 ? (
        <Alert variant="warning" title="Saving is failing">
          {failing === 1 ? "One change is" : `${failing} changes are`} kept on this device and will
          be retried automatically. Nothing you entered is lost.
        </Alert>
      ) : null}
      {sync.otherAccount ? (
        <Alert variant="error" title="Signed in as someone else">
          {sync.otherAccount}
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
      ) : view === "MATRIX" ? (
        <BallotMatrix
          project={project}
          entries={sync.entries}
          disabled={!canVote}
          onlyLeft={onlyLeft}
          isDone={isDone}
          onEdit={(key, change, delay) => sync.edit(key, change, delay)}
          onRetry={(key) => sync.retry(key)}
          onWorking={setWorking}
        />
      ) : (
        <ol className="space-y-3">
          {project.criteria.map((criterion, index) => {
            const complete = isDone(criterion.key);
            const working = criterion.key === current;
            if (onlyLeft && complete && !working) return null;
            return (
              <li
                key={criterion.key}
                data-criterion={criterion.key}
                // Room for the sticky header and progress line when scrolled to.
                className="scroll-mt-32"
                // Focus or a press inside marks it as the one being worked on; the fold button
                // unfolds on click instead, and moves focus into the card.
                onFocus={(event) => {
                  if (!(event.target as HTMLElement).closest("[data-unfold]"))
                    setCurrent(criterion.key);
                }}
                onPointerDown={(event) => {
                  if (!(event.target as HTMLElement).closest("[data-unfold]"))
                    setCurrent(criterion.key);
                }}
              >
                <CriterionVote
                  projectId={project.id}
                  index={index}
                  criterion={criterion}
                  options={project.options}
                  value={sync.entries[criterion.key]?.value ?? null}
                  state={sync.entries[criterion.key]?.state ?? { kind: "idle" }}
                  disabled={!canVote}
                  folded={complete && !working && !touched.has(criterion.key)}
                  onUnfold={() => unfold(criterion.key)}
                  onEdit={(change, delay) => sync.edit(criterion.key, change, delay)}
                  onRetry={() => sync.retry(criterion.key)}
                />
              </li>
            );
          })}
          {onlyLeft && done === project.criteria.length ? (
            <li className="text-muted-foreground text-sm">
              Nothing is left: every criterion is done.
            </li>
          ) : null}
        </ol>
      )}
    </section>
  );
}

/** The whole ballot's saving state, in view while scrolling: saving, saved, or failing with a retry. */
function SaveSummary({
  entries,
  onRetry,
}: {
  entries: Record<string, { state: SyncState }>;
  onRetry: () => void;
}) {
  const kinds = Object.values(entries).map((e) => e.state.kind);
  const refused = kinds.filter((k) => k === "refused").length;
  if (kinds.includes("retrying"))
    return (
      <span className="flex items-center gap-2 text-sm text-warning">
        <CloudOff aria-hidden="true" className="size-4" /> Not saved yet
        <Button variant="outline" size="sm" onClick={onRetry}>
          <RotateCw aria-hidden="true" /> Retry now
        </Button>
      </span>
    );
  if (kinds.includes("saving"))
    return (
      <span className="flex items-center gap-1.5 text-muted-foreground text-sm">
        <Spinner decorative className="size-3.5" /> Saving…
      </span>
    );
  if (refused > 0)
    return (
      <span className="flex items-center gap-1 text-destructive text-sm">
        <CircleAlert aria-hidden="true" className="size-4" />
        {refused === 1 ? "One change was refused" : `${refused} changes were refused`}
      </span>
    );
  if (kinds.includes("saved"))
    return (
      <span className="flex items-center gap-1 text-sm text-success">
        <Check aria-hidden="true" className="size-4" /> All saved
      </span>
    );
  return null;
}

type CriterionVoteProps = CriterionBallotProps & {
  /** Done before this visit and not opened since: one line with the importance and scores, unfolded on click. */
  folded: boolean;
  onUnfold: () => void;
};

function CriterionVote({
  projectId,
  disabled,
  folded,
  onUnfold,
  onEdit,
  ...shared
}: CriterionVoteProps) {
  const headingId = `criterion-${shared.criterion.key}`;
  return folded ? (
    <FoldedCriterion {...shared} headingId={headingId} onUnfold={onUnfold} />
  ) : (
    <OpenCriterion
      {...shared}
      headingId={headingId}
      projectId={projectId}
      disabled={disabled}
      onEdit={onEdit}
    />
  );
}

function FoldedCriterion({
  headingId,
  index,
  criterion,
  options,
  value,
  state,
  onUnfold,
  onRetry,
}: Omit<CriterionVoteProps, "projectId" | "folded" | "disabled" | "onEdit"> & {
  headingId: string;
}) {
  const noOpinion = value?.noOpinion === true;
  const summary = noOpinion
    ? "No opinion"
    : [
        `Importance ${value?.weight ?? "–"}`,
        ...options.map((o) => `${o.name} ${value?.scores[o.key] ?? "–"}`),
      ].join(" · ");
  return (
    <Card aria-labelledby={headingId} role="group" className="gap-0 py-1">
      <div className="flex items-center gap-2 px-2 sm:px-3">
        <h3 id={headingId} className="min-w-0 flex-1">
          <button
            type="button"
            aria-expanded={false}
            data-unfold=""
            onClick={onUnfold}
            className="flex min-h-11 w-full min-w-0 cursor-pointer items-center gap-2 rounded-md px-2 text-left text-sm hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
          >
            <Check aria-hidden="true" className="size-4 shrink-0 text-success" />
            {/* One line from a tablet up; on a phone the scores go under the name, whole. */}
            <span className="min-w-0 flex-1 py-1 sm:flex sm:items-baseline sm:gap-2">
              <span className="block font-semibold sm:shrink-0">
                <span className="text-muted-foreground tabular-nums">{index + 1}.</span>{" "}
                {criterion.name}
              </span>
              <span className="block text-muted-foreground sm:truncate">{summary}</span>
            </span>
            <ChevronDown aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
          </button>
        </h3>
        {state.kind === "saved" || state.kind === "idle" ? null : (
          <SaveStatus state={state} onRetry={onRetry} />
        )}
      </div>
    </Card>
  );
}

function OpenCriterion({
  projectId,
  headingId,
  index,
  criterion,
  options,
  value,
  state,
  disabled,
  onEdit,
  onRetry,
}: Omit<CriterionVoteProps, "folded" | "onUnfold"> & { headingId: string }) {
  const noOpinion = value?.noOpinion === true;
  const scale = { criterion, value, disabled, onEdit };
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
        <ImportanceScale {...scale} />
        <div className="grid gap-4 sm:grid-cols-2">
          {options.map((option) => {
            const guidance = criterion.guidance[option.key];
            return (
              <div key={option.key} className="space-y-2 rounded-lg border border-border p-3">
                <OptionScoreScale option={option} {...scale} />
                {guidance?.summary ? (
                  <p className="text-muted-foreground text-sm">
                    <span className="font-medium text-foreground">The guide says: </span>
                    <GuideSummary guidance={guidance} />
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
        <RationaleField
          id={`${headingId}-rationale`}
          value={value}
          disabled={disabled}
          onEdit={onEdit}
        />
        {/* After the member's own reason: filling a ballot with Tab goes scores, then Why. */}
        <TeamReasons projectId={projectId} criterionKey={criterion.key} options={options} />
        <div className="flex flex-wrap items-center gap-2">
          <NoOpinionButton options={options} {...scale} />
          {noOpinion ? (
            <span className="text-muted-foreground text-sm">{NO_OPINION_NOTE}</span>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
