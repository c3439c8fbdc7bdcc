"use client";

import { Check, ChevronRight, CircleAlert, CloudOff, RotateCw } from "lucide-react";
import { useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Spinner } from "~/components/ui/spinner";
import { cn } from "~/lib/utils";
import {
  type CriterionBallotProps,
  type Edit,
  GuideSummary,
  ImportanceScale,
  NO_OPINION_NOTE,
  NoOpinionButton,
  OptionScoreScale,
  type Project,
  RationaleField,
  SaveStatus,
  TeamReasons,
} from "./ballot-parts";
import type { SyncState, VoteValue } from "./use-vote-sync";

type Entries = Record<string, { value: VoteValue; state: SyncState }>;

/**
 * The compact ballot: one row per criterion with its importance and a score per option, and a
 * disclosure per row for the criterion's description, the guide's words on each option and the
 * voter's reasons. Tab goes row by row in reading order, and a digit sets the focused scale. On a
 * narrow screen the table scrolls inside its own box (the criterion names stay in view).
 */
export function BallotMatrix({
  project,
  entries,
  disabled,
  onlyLeft,
  isDone,
  onEdit,
  onRetry,
  onWorking,
}: {
  project: Project;
  entries: Entries;
  disabled: boolean;
  /** Hide criteria done before this visit (those finished now stay, so focus is not lost). */
  onlyLeft: boolean;
  isDone: (key: string) => boolean;
  onEdit: (key: string, change: Parameters<Edit>[0], delay?: number) => void;
  onRetry: (key: string) => void;
  /** The row the voter works on (focus or a press inside it): "Next unscored" goes on from it. */
  onWorking: (key: string) => void;
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string) =>
    setOpen((keys) => {
      const next = new Set(keys);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const columns = 3 + project.options.length;
  const rows = project.criteria
    .map((criterion, index) => ({ criterion, index }))
    .filter(({ criterion }) => !onlyLeft || !isDone(criterion.key) || touched.has(criterion.key));

  return (
    // Positioned, so the visually hidden legends inside are clipped by this box, not the page.
    <div
      className="relative overflow-x-auto rounded-xl border border-border"
      data-testid="ballot-matrix"
    >
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">
          Your ballot: importance and a score per option for each criterion
        </caption>
        <thead>
          <tr className="border-border border-b bg-muted/40 text-left">
            <th scope="col" className="sticky left-0 z-10 bg-card px-3 py-2 font-medium">
              Criterion
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Importance <span className="font-normal text-muted-foreground">0–5</span>
            </th>
            {project.options.map((option) => (
              <th key={option.key} scope="col" className="px-2 py-2 font-medium">
                {option.name} <span className="font-normal text-muted-foreground">1–5</span>
              </th>
            ))}
            <th scope="col" className="px-2 py-2 font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ criterion, index }) => {
            const entry = entries[criterion.key];
            const edit: Edit = (change, delay) => {
              setTouched((keys) =>
                keys.has(criterion.key) ? keys : new Set(keys).add(criterion.key),
              );
              onEdit(criterion.key, change, delay);
            };
            return (
              <MatrixRow
                key={criterion.key}
                projectId={project.id}
                index={index}
                criterion={criterion}
                options={project.options}
                value={entry?.value ?? null}
                state={entry?.state ?? { kind: "idle" }}
                disabled={disabled}
                open={open.has(criterion.key)}
                columns={columns}
                onToggle={() => toggle(criterion.key)}
                onWorking={() => onWorking(criterion.key)}
                onEdit={edit}
                onRetry={() => onRetry(criterion.key)}
              />
            );
          })}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns} className="px-3 py-3 text-muted-foreground">
                Nothing is left: every criterion is done.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function MatrixRow({
  projectId,
  index,
  criterion,
  options,
  value,
  state,
  disabled,
  open,
  columns,
  onToggle,
  onWorking,
  onEdit,
  onRetry,
}: CriterionBallotProps & {
  open: boolean;
  columns: number;
  onToggle: () => void;
  onWorking: () => void;
}) {
  const noOpinion = value?.noOpinion === true;
  const detailsId = `matrix-details-${criterion.key}`;
  const scale = { criterion, value, disabled, onEdit };
  return (
    <>
      <tr
        data-criterion={criterion.key}
        onFocus={onWorking}
        className={cn("scroll-mt-32 border-border align-middle", open ? "" : "border-b")}
      >
        <th scope="row" className="sticky left-0 z-10 bg-card px-1 py-1 text-left font-normal">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={onToggle}
            className="flex min-h-11 w-full min-w-36 max-w-64 cursor-pointer items-center gap-1.5 rounded-md px-2 text-left hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring sm:min-h-9"
          >
            <ChevronRight
              aria-hidden="true"
              className={cn(
                "size-4 shrink-0 text-muted-foreground transition-transform",
                open ? "rotate-90" : "",
              )}
            />
            <span className="min-w-0">
              <span className="text-muted-foreground tabular-nums">{index + 1}.</span>{" "}
              <span className="font-medium">{criterion.name}</span>
              {criterion.mustHave ? (
                <Badge variant="warning" className="ml-1.5">
                  Must-have
                </Badge>
              ) : null}
            </span>
          </button>
        </th>
        <td className="whitespace-nowrap px-2 py-1">
          <ImportanceScale compact {...scale} />
        </td>
        {options.map((option) => (
          <td key={option.key} className="whitespace-nowrap px-2 py-1">
            <OptionScoreScale compact option={option} {...scale} />
          </td>
        ))}
        <td className="whitespace-nowrap px-2 py-1">
          <div className="flex items-center gap-1.5">
            <NoOpinionButton quiet options={options} {...scale} />
            <RowSaveState state={state} onRetry={onRetry} />
          </div>
        </td>
      </tr>
      {open ? (
        <tr id={detailsId} className="border-border border-b bg-muted/20">
          <td colSpan={columns} className="px-4 pt-1 pb-4">
            <div className="max-w-3xl space-y-3">
              {criterion.description ? (
                <p className="text-muted-foreground">{criterion.description}</p>
              ) : null}
              {criterion.anchorLow || criterion.anchorHigh ? (
                <p className="text-muted-foreground text-xs">
                  1: {criterion.anchorLow ?? "poor"} · 5: {criterion.anchorHigh ?? "excellent"}
                </p>
              ) : null}
              {options.some((o) => criterion.guidance[o.key]?.summary) ? (
                <ul className="space-y-1">
                  {options.map((option) => {
                    const guidance = criterion.guidance[option.key];
                    if (!guidance?.summary) return null;
                    return (
                      <li key={option.key} className="text-muted-foreground">
                        <span className="font-medium text-foreground">
                          The guide on {option.name}:{" "}
                        </span>
                        <GuideSummary guidance={guidance} />
                      </li>
                    );
                  })}
                </ul>
              ) : null}
              {noOpinion ? <p className="text-muted-foreground">{NO_OPINION_NOTE}</p> : null}
              <TeamReasons projectId={projectId} criterionKey={criterion.key} options={options} />
              <RationaleField
                id={`matrix-${criterion.key}-rationale`}
                value={value}
                disabled={disabled}
                onEdit={onEdit}
              />
              <SaveStatus state={state} onRetry={onRetry} />
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** A row's saving state in little room: an icon named for screen readers, or a retry. */
function RowSaveState({ state, onRetry }: { state: SyncState; onRetry: () => void }) {
  return (
    <span aria-live="polite" className="flex min-w-5 items-center">
      {state.kind === "saving" ? (
        <span className="flex items-center text-muted-foreground" title="Saving…">
          <Spinner decorative className="size-3.5" />
          <span className="sr-only">Saving…</span>
        </span>
      ) : state.kind === "saved" ? (
        <span className="flex items-center text-success" title="Saved">
          <Check aria-hidden="true" className="size-4" />
          <span className="sr-only">Saved</span>
        </span>
      ) : state.kind === "retrying" ? (
        <Button variant="outline" size="sm" onClick={onRetry} className="text-warning">
          <CloudOff aria-hidden="true" /> Not saved, retry
          <RotateCw aria-hidden="true" />
        </Button>
      ) : state.kind === "refused" ? (
        <span className="flex max-w-56 items-center gap-1 whitespace-normal text-destructive text-xs">
          <CircleAlert aria-hidden="true" className="size-4 shrink-0" />
          {state.message}
        </span>
      ) : null}
    </span>
  );
}
