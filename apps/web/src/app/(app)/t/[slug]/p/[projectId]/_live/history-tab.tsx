"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { coverageLine, marginWords } from "@tradeoff/scoring";
import { History } from "lucide-react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ShowOlder, useFocusShown } from "~/components/app/show-older";
import { MarkdownText } from "~/components/markdown/markdown";
import { Alert, LoadFailed } from "~/components/ui/alert";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { controlClasses } from "~/components/ui/form-control";
import { Skeleton } from "~/components/ui/skeleton";
import { Spinner } from "~/components/ui/spinner";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";
import { useShowOlder } from "~/trpc/show-older";
import { describeEvent as describe } from "./describe-event";
import { editSpan } from "./edit-span";
import { historyAxisKind, orderAxis, sliderPoint, timeAxis } from "./history-axis";
import { CHART_BASIS, chartPointBasisWords, historyBasisWords } from "./history-basis";

type HistoryItem = RouterOutputs["history"]["list"]["items"][number];
type Named = { key: string; name: string };
type HistoryProps = {
  projectId: string;
  options: Named[];
  criteria: Named[];
  members: { id: string; name: string }[];
};

const color = (i: number) => `var(--chart-${(i % 6) + 1})`;
// A dash pattern per option, so the lines read without colour too.
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"];

const OLDER_FAILED =
  'The older changes could not be loaded. Press "Show older changes" to try again.';

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

/**
 * Why the history has no recommendation to show: the decision's stored options or criteria are
 * something the scoring refuses (written around the app). The reason is the scoring's own.
 */
const unscorable = (reason: string) =>
  `This decision cannot be scored: its stored data is invalid (${reason}).`;

/**
 * The History tab: each option's total over time with a slider that shows the recommendation
 * as it stood at any moment, then every change, newest first, filtered by member and criterion.
 */
export function HistoryTab(props: HistoryProps) {
  return (
    <div className="space-y-6">
      <Timeline projectId={props.projectId} options={props.options} />
      <EventList {...props} />
    </div>
  );
}

function Timeline({ projectId, options }: { projectId: string; options: Named[] }) {
  const trpc = useTRPC();
  const timeline = useQuery(trpc.history.timeline.queryOptions({ projectId }));
  const data = timeline.data;

  const points = data?.points ?? [];
  const from = points[0] ? Date.parse(points[0].at) : 0;
  const to = points.at(-1) ? Date.parse(points.at(-1)?.at ?? "") : 0;
  // The slider steps through the chart's points, each a real state right after a vote change:
  // its first position is the first vote, its last the current state. null: follow the latest,
  // also as new votes arrive live.
  const [picked, setPicked] = useState<number | null>(null);
  const { index, point, latest } = sliderPoint(points, picked);
  const moment = point ? Date.parse(point.at) : to;
  const eventId = point?.eventId ?? "";
  const [asked, setAsked] = useState(eventId);
  useEffect(() => {
    const timer = setTimeout(() => setAsked(eventId), 120);
    return () => clearTimeout(timer);
  }, [eventId]);
  // Changes too close together for a time axis (a sample's votes, all in one second) are
  // spaced in the order they were made; each keeps its recorded time (tooltip, slider).
  const byOrder =
    historyAxisKind(
      points.map((p) => Date.parse(p.at)),
      points.length === data?.voteEventCount,
    ) === "order";
  const axis = useMemo(
    () => (byOrder ? orderAxis(points.length) : timeAxis(from, to)),
    [byOrder, points.length, from, to],
  );

  const chartData = useMemo(
    () =>
      (data?.points ?? []).map((p, i) => {
        const row: Record<string, number | null> = {
          t: byOrder ? i : Date.parse(p.at),
          // The point's position, for its tooltip ("#": no option's key).
          "#": i,
        };
        // null while no criterion is counted: the chart leaves a gap rather than a made-up total.
        p.totals.forEach((total, i) => {
          const key = data?.options[i]?.key;
          if (key) row[key] = total === null ? null : Math.round(total * 10) / 10;
        });
        return row;
      }),
    [data, byOrder],
  );

  const ready = Boolean(data && !data.hidden && data.voteEventCount > 0 && asked);
  const at = useQuery({
    ...trpc.history.at.queryOptions({ projectId, eventId: asked }),
    enabled: ready,
    placeholderData: keepPreviousData,
  });
  const sliderId = useId();

  if (timeline.isPending) return <Skeleton className="h-72 w-full" />;
  if (timeline.isError) {
    return <LoadFailed what="The timeline" />;
  }
  if (!data) return null;
  if (data.hidden) {
    return (
      <Alert variant="info" title="Blind voting">
        Votes are hidden until voting closes, so the recommendation's timeline appears then.{" "}
        {data.voteEventCount} vote {data.voteEventCount === 1 ? "change" : "changes"} so far.
      </Alert>
    );
  }
  if (data.unreadable) {
    // No chart and no slider: every point would need a scoring it refuses. The changes are
    // still listed below.
    return (
      <Alert variant="warning" title="The recommendation's history cannot be shown">
        <span data-testid="history-unreadable">{unscorable(data.unreadable)}</span>{" "}
        {data.voteEventCount.toLocaleString("en")} vote{" "}
        {data.voteEventCount === 1 ? "change is" : "changes are"} recorded: every change is listed
        below.
      </Alert>
    );
  }
  if (data.voteEventCount === 0) {
    return (
      <EmptyState
        icon={<History />}
        title="No votes yet"
        description="Once teammates vote, the recommendation's path over time appears here."
      />
    );
  }

  const nameOf = (key: string | null) => options.find((o) => o.key === key)?.name ?? key ?? "";
  const result = at.data?.result;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">The recommendation over time</CardTitle>
        <CardDescription>
          Each option's total (0 to 100) after every vote change (
          {data.voteEventCount.toLocaleString("en")} in all; a member's edits to one criterion
          within a few minutes count as one). Move the slider to see the recommendation at any
          moment. {CHART_BASIS}
          {byOrder ? (
            <span data-testid="history-axis-order">
              {" "}
              These changes came too close together in time to be spaced by it, so the axis numbers
              them in the order they were made; the slider gives each one's time.
            </span>
          ) : null}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="h-64 w-full" data-testid="history-chart">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={chartData} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
              <XAxis
                dataKey="t"
                type="number"
                scale={byOrder ? "linear" : "time"}
                domain={
                  byOrder
                    ? [0, points.length - 1]
                    : from === to
                      ? [from - 30_000, to + 30_000]
                      : [from, to]
                }
                ticks={axis.ticks}
                interval={0}
                tickFormatter={axis.label}
                tick={{ fontSize: 11 }}
              />
              <YAxis domain={[0, 100]} tick={{ fontSize: 11 }} />
              <Tooltip
                labelFormatter={(t, payload) => {
                  // Each point says what it rests on: the votes of the members of then.
                  const row = payload?.[0]?.payload as Record<string, number> | undefined;
                  const shown = points[row?.["#"] ?? (byOrder ? Number(t) : -1)];
                  const basis = shown ? `. ${chartPointBasisWords(shown, data.votersFrom)}` : "";
                  if (!byOrder) return `${dateTime.format(Number(t))}${basis}`;
                  const p = points[Number(t)];
                  return `Vote change ${Number(t) + 1} of ${points.length}${p ? `, ${dateTime.format(Date.parse(p.at))}` : ""}${basis}`;
                }}
                formatter={(value, key) => [value, nameOf(String(key))]}
              />
              <Legend formatter={(key) => nameOf(String(key))} />
              {data.options.map((option, i) => (
                <Line
                  key={option.key}
                  dataKey={option.key}
                  name={option.key}
                  type="stepAfter"
                  stroke={color(i)}
                  strokeDasharray={DASHES[i % DASHES.length]}
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
              <ReferenceLine
                x={byOrder ? index : moment}
                className="stroke-foreground"
                strokeWidth={1.5}
                strokeDasharray={latest ? undefined : "4 3"}
                label={{
                  value: latest ? "Now" : "Shown",
                  position: "insideTopRight",
                  fontSize: 11,
                }}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>

        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={sliderId} className="font-medium text-sm" data-testid="history-moment">
              {latest ? "Now, after the latest vote change" : "After the vote change"}
              {byOrder ? ` (${index + 1} of ${points.length}), made ` : latest ? ": " : " of "}
              <time dateTime={new Date(moment).toISOString()}>{dateTime.format(moment)}</time>
            </label>
            {latest ? (
              <Badge variant="success" data-testid="history-current">
                Current state
              </Badge>
            ) : (
              <>
                <Badge variant="neutral">Earlier state</Badge>
                <Button variant="outline" size="sm" onClick={() => setPicked(null)}>
                  Back to now
                </Button>
              </>
            )}
          </div>
          <input
            id={sliderId}
            type="range"
            min={0}
            max={Math.max(0, points.length - 1)}
            step={1}
            value={index}
            aria-valuetext={`${latest ? "Now: " : ""}${byOrder ? `vote change ${index + 1} of ${points.length}, ` : ""}${dateTime.format(moment)}`}
            disabled={points.length < 2}
            onChange={(e) => {
              const value = Number(e.target.value);
              setPicked(value >= points.length - 1 ? null : value);
            }}
            className="h-6 w-full accent-primary"
            data-testid="history-slider"
          />
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm" aria-live="polite">
            {at.isPending ? (
              <Spinner />
            ) : result ? (
              <>
                <p data-testid="history-winner">
                  {result.winner ? (
                    <>
                      <strong>{nameOf(result.winner)}</strong> led {marginWords(result.margin)}
                    </>
                  ) : (
                    "No option led"
                  )}
                </p>
                <ul className="flex flex-wrap gap-3 text-muted-foreground">
                  {result.totals.map((t) => (
                    <li key={t.optionKey}>
                      {nameOf(t.optionKey)}{" "}
                      {t.score === null ? "not scored yet" : t.score.toFixed(1)}
                    </li>
                  ))}
                </ul>
                {/* A past leader says what it rested on then, as the live one does now. */}
                <p className="w-full text-muted-foreground" data-testid="history-basis">
                  {coverageLine(result)}
                  {result.participation.partial > 0
                    ? ` ${result.participation.partial} partial ${result.participation.partial === 1 ? "ballot" : "ballots"}.`
                    : ""}
                  {/* The ballots of then: members who joined since are not counted. */}
                  {historyBasisWords(result) ? ` ${historyBasisWords(result)}` : ""}
                </p>
              </>
            ) : at.data?.unreadable ? (
              <p data-testid="history-unreadable">{unscorable(at.data.unreadable)}</p>
            ) : null}
            {at.isFetching && !at.isPending ? <Spinner className="size-3" /> : null}
          </div>
        </div>
      </CardContent>
    </Card>
  );
}

function EventList({ projectId, options, criteria, members }: HistoryProps) {
  const trpc = useTRPC();
  const [actorId, setActorId] = useState("");
  const [criterionKey, setCriterionKey] = useState("");
  const history = useInfiniteQuery(
    trpc.history.list.infiniteQueryOptions(
      {
        projectId,
        limit: 30,
        ...(actorId ? { actorId } : {}),
        ...(criterionKey ? { criterionKey } : {}),
      },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  const list = useRef<HTMLOListElement>(null);
  const showOlderButton = useRef<HTMLButtonElement>(null);
  // The first change a press of "Show older changes" brought, focused once it is shown.
  const setFocusId = useFocusShown(
    (id) => list.current?.querySelector(`:scope > li[data-event-id="${id}"]`),
    () => showOlderButton.current,
  );

  // The pages shown are one infinite query: a live refresh refetches all of them in order, each
  // from the last change of the one before, and an older page overtaken by a refresh is asked
  // for again after it (fetchOlderPages).
  const showOlder = useShowOlder(
    history.data?.pages.length ?? 0,
    history.fetchNextPage,
    { one: "change", many: "changes", failed: OLDER_FAILED },
    setFocusId,
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Every change</CardTitle>
        <CardDescription>
          Votes, comments, edits, status changes, the record and its draft, newest first.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="flex flex-wrap gap-3">
          <FilterSelect
            label="Member"
            value={actorId}
            onChange={setActorId}
            all="Everyone"
            choices={members.map((m) => ({ value: m.id, name: m.name }))}
          />
          <FilterSelect
            label="Criterion"
            value={criterionKey}
            onChange={setCriterionKey}
            all="All criteria"
            choices={criteria.map((c) => ({ value: c.key, name: c.name }))}
          />
        </div>

        {history.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : history.isError ? (
          <LoadFailed what="The history" />
        ) : items.length === 0 ? (
          <p className="text-muted-foreground text-sm">Nothing matches these filters yet.</p>
        ) : (
          <ol ref={list} className="divide-y divide-border" data-testid="history-events">
            {items.map((item) => (
              <EventRow key={item.id} item={item} options={options} criteria={criteria} />
            ))}
          </ol>
        )}
        <ShowOlder
          showOlder={showOlder}
          hasOlder={history.hasNextPage}
          items={items}
          label="Show older changes"
          failed={OLDER_FAILED}
          className="space-y-2"
          buttonRef={showOlderButton}
        />
      </CardContent>
    </Card>
  );
}

type VoteData = {
  weight: number | null;
  scores: Record<string, number | null>;
  noOpinion?: boolean;
  rationale: string | null;
} | null;

function EventRow({
  item,
  options,
  criteria,
}: {
  item: HistoryItem;
  options: Named[];
  criteria: Named[];
}) {
  const who = item.actor?.name ?? "Someone";
  const criterion = criteria.find((c) => c.key === item.criterionKey)?.name ?? item.criterionKey;
  const isVote = item.type === "vote.cast" || item.type === "vote.retracted";
  const superseded = item.type === "vote.cast" && !item.current;
  const span = editSpan(item.at, item.lastEditAt ?? null);
  return (
    <li
      // Focusable from script only: "Show older changes" moves the keyboard to the first new one.
      tabIndex={-1}
      className={cn(
        "flex gap-3 py-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        // A vote replaced later reads quieter in the muted text colour, not faded: fading
        // would take the muted words (its time) under the contrast they need.
        superseded && "text-muted-foreground",
      )}
      data-current={item.current ? "true" : undefined}
      data-event-id={item.id}
    >
      <Avatar name={who} size="sm" className="mt-0.5" />
      <div className="min-w-0 flex-1 space-y-1 text-sm">
        <p>
          <strong>{who}</strong> {describe(item, criterion)}
          {item.current ? (
            <Badge variant="success" className="ml-2">
              Current vote
            </Badge>
          ) : superseded ? (
            <Badge variant="neutral" className="ml-2">
              Replaced later
            </Badge>
          ) : null}
        </p>
        {isVote && item.hidden ? (
          <p className="text-muted-foreground">Hidden until voting closes.</p>
        ) : isVote && item.data ? (
          <VoteChange
            before={item.data.before as VoteData}
            after={item.data.after as VoteData}
            options={options}
          />
        ) : null}
        <p className="text-muted-foreground text-xs">
          <time dateTime={item.at}>{span.start}</time>
          {item.lastEditAt ? (
            <span data-testid="history-folded">
              {span.end ? (
                <>
                  {" "}
                  to <time dateTime={item.lastEditAt}>{span.end}</time>
                </>
              ) : null}
              : several edits in a row, shown as the last one left the vote
            </span>
          ) : null}
        </p>
      </div>
    </li>
  );
}

function VoteChange({
  before,
  after,
  options,
}: {
  before: VoteData;
  after: VoteData;
  options: Named[];
}) {
  const summary = (vote: VoteData) => {
    if (!vote) return "no vote";
    if (vote.noOpinion) return "no opinion";
    const importance = vote.weight === null ? "no importance" : `importance ${vote.weight}`;
    const scores = options
      .filter((o) => vote.scores[o.key] != null)
      .map((o) => `${o.name} ${vote.scores[o.key]}`);
    return [importance, ...scores].join(", ");
  };
  return (
    <div className="text-muted-foreground">
      <p>
        {before ? <span className="line-through">{summary(before)}</span> : null}
        {before ? " → " : ""}
        <span className="text-foreground">{summary(after)}</span>
      </p>
      {after?.rationale ? (
        <div className="wrap-anywhere italic">
          “<MarkdownText text={after.rationale} inline />”
        </div>
      ) : null}
    </div>
  );
}

/** A filter of the change list: one of `choices`, or `all` (the empty value). */
function FilterSelect({
  label,
  value,
  onChange,
  all,
  choices,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  all: string;
  choices: { value: string; name: string }[];
}) {
  const id = useId();
  return (
    <label htmlFor={id} className="grid gap-1 text-sm">
      {label}
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={cn(controlClasses, "h-9 w-56 px-2 text-sm")}
      >
        <option value="">{all}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
