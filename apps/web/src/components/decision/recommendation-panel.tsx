"use client";

import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import {
  BORDA_BREAKDOWN,
  coverageBasis,
  fewCountedSensitivity,
  flipFigures,
  hotSpotMeasure,
  hotSpotsBasis,
  marginWords,
  noConfidenceReason,
  notCountedReason,
  tieFigures,
  unscoredCanChange,
} from "@tradeoff/scoring";
import { CircleHelp, EyeOff, Flame, Scale, TriangleAlert, Trophy } from "lucide-react";
import dynamic from "next/dynamic";
import { Alert } from "~/components/ui/alert";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Deferred } from "~/components/ui/deferred";
import { Skeleton } from "~/components/ui/skeleton";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { OptionSwatch } from "./chart-patterns";
import { CriterionTable } from "./criterion-table";
import { METHOD_NAMES } from "./method-names";
import { leaderWords, ownLeanWords, personalWinnerWords, roundChangeWords } from "./outcome-words";
import { quorumText } from "./quorum-text";
import { BORDA_LEAD, criterionFigures } from "./result-figures";

// The chart library loads after the page: the totals and every figure are in the text and
// tables around the charts, so nothing waits for it. Each chart's box is sized here, from its
// number of rows, so the placeholder holds the chart's exact room and nothing below it moves
// when the chart arrives.
const TotalsChart = dynamic(() => import("./charts").then((m) => m.TotalsChart), {
  ssr: false,
  loading: () => <Skeleton className="size-full" />,
});
const ContributionChart = dynamic(() => import("./charts").then((m) => m.ContributionChart), {
  ssr: false,
  loading: () => <Skeleton className="size-full" />,
});

/** One bar of 3.25rem per option, at least 7rem. */
const totalsChartHeight = (options: number) => ({ height: `max(7rem, ${options * 3.25}rem)` });
/** A group of bars per criterion, one 14 px bar per option, at least 160 px. */
const contributionChartHeight = (criteria: number, options: number) => ({
  height: Math.max(160, criteria * (options * 14 + 18)),
});

// The explanation's dialog code loads when someone reaches for it.
const loadMethodExplanation = () => import("./method-explanation").then((m) => m.MethodExplanation);

type View = RouterOutputs["project"]["recommendation"];
type Result = NonNullable<View["result"]>;
type Participation = RouterOutputs["project"]["participation"];

const fmt = (n: number) => n.toFixed(1);
/** What a total or score shows where nothing was counted: never a number. */
const NOT_SCORED = "not scored yet";
const fmtOrNot = (n: number | null | undefined) => (n == null ? NOT_SCORED : fmt(n));

/**
 * Confidence in words (how often resampling the voters keeps the same winner), with how many
 * voters it rests on; or why there is none (nothing counted, no single winner, or a counted
 * criterion resting on one voter).
 */
function confidenceWords(
  result: {
    winner: string | null;
    confidence: number | null;
    confidenceVoters: number;
    criteria: readonly { counted: boolean; voters: number }[];
  },
  coverage: { counted: number },
) {
  const c = result.confidence;
  if (c === null) return noConfidenceReason({ ...result, coverage }) ?? "none yet";
  const words = c >= 0.9 ? "high" : c >= 0.7 ? "moderate" : "low";
  return `${words} (${Math.round(c * 100)}%, resampling ${result.confidenceVoters} voters)`;
}

/** The team's recommendation; refreshed whenever `project.recommendation` is invalidated. */
export function RecommendationPanel({
  projectId,
  initialData,
}: {
  projectId: string;
  /** The recommendation as the server rendered it, if it did. */
  initialData?: View | undefined;
}) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.project.recommendation.queryOptions({ projectId }),
    initialData,
  });
  if (query.isPending) {
    return (
      <div className="space-y-3" aria-busy="true">
        <Skeleton className="h-40" />
        <Skeleton className="h-24" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <Alert
        variant="error"
        title="The recommendation could not be loaded"
        action={
          <Button variant="outline" size="sm" onClick={() => query.refetch()}>
            Try again
          </Button>
        }
      >
        {messageOf(query.error)}
      </Alert>
    );
  }
  const view = query.data;
  const nameOf = (key: string | null) =>
    view.options.find((o) => o.key === key)?.name ?? "No clear winner";
  const criterionName = (key: string) => view.criteria.find((c) => c.key === key)?.name ?? key;

  return (
    <section aria-labelledby="recommendation-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="recommendation-heading" className="font-semibold text-lg">
          Recommendation
        </h2>
        <Deferred
          load={loadMethodExplanation}
          popup="dialog"
          trigger={
            <Button variant="ghost" size="sm">
              <CircleHelp aria-hidden="true" /> How is this computed?
            </Button>
          }
        >
          {(MethodExplanation, dialog) => <MethodExplanation {...dialog} method={view.method} />}
        </Deferred>
      </div>
      <CoverageNotice view={view} />
      {view.hidden ? (
        <Alert variant="info" title="Blind voting">
          <span className="flex items-center gap-1.5">
            <EyeOff aria-hidden="true" className="size-4" />
            Totals and everyone's votes stay hidden until the decision closes. You see who has
            voted, and your own result.
          </span>
        </Alert>
      ) : view.result ? (
        <TeamResult
          view={view}
          result={view.result}
          nameOf={nameOf}
          criterionName={criterionName}
        />
      ) : null}
      {view.previousRound && view.result ? <RoundComparison view={view} nameOf={nameOf} /> : null}
      <MyResult view={view} nameOf={nameOf} />
      <ParticipationCard view={view} projectId={projectId} nameOf={nameOf} />
    </section>
  );
}

/**
 * What the result rests on, always first: "Provisional" or "Ready" as the title, then "Based on
 * 3 of 13 criteria (41% of the weight) and 0 of 2 complete ballots". Shown in blind mode too, with the
 * counts only (they say how far voting has come, never how anyone voted): the weight share
 * follows the members' importances, so it shows once the vote closes.
 */
function CoverageNotice({ view }: { view: View }) {
  const line = coverageBasis({ ...view, status: view.readiness });
  return (
    <Alert
      variant={view.readiness === "ready" ? "success" : "warning"}
      title={view.readiness === "ready" ? "Ready" : "Provisional"}
    >
      <span data-testid="coverage" data-status={view.readiness}>
        {line}
      </span>
      {VOTERS_FROM[view.votersFrom] ? (
        <span className="mt-1 block" data-testid="voters-from">
          {VOTERS_FROM[view.votersFrom]}
        </span>
      ) : null}
    </Alert>
  );
}

/** Whose votes the result rests on, where it is not the team's voting members now. */
const VOTERS_FROM: Record<View["votersFrom"], string | null> = {
  current: null,
  decision:
    "As recorded: the result and participation rest on the team's voting members when the decision was recorded.",
  import:
    "From the imported file: the result and participation rest on the votes, voters and members the file lists (the exporting team's), not on this team's members.",
};

/** What the participation counts are of, before them. */
const PARTICIPATION_BASIS: Record<View["votersFrom"], string> = {
  current: "",
  decision: "When it was decided: ",
  import: "From the imported file: ",
};

function TeamResult({
  view,
  result,
  nameOf,
  criterionName,
}: {
  view: View;
  result: Result;
  nameOf: (key: string | null) => string;
  criterionName: (key: string) => string;
}) {
  const totals = view.options.map((option, index) => ({
    name: option.name,
    index,
    score: result.totals.find((t) => t.optionKey === option.key)?.score ?? null,
    rank: result.totals.find((t) => t.optionKey === option.key)?.rank ?? null,
    key: option.key,
  }));
  const nothingCounted = totals.every((t) => t.score === null);
  const failures = (key: string) => result.mustHaveFailures.filter((f) => f.optionKey === key);
  const provisional = view.readiness === "provisional";
  const counted = result.criteria.filter((c) => c.counted);
  // Null under the Borda count: no criterion adds points of its own there.
  const figures = criterionFigures({ ...result, method: view.method });
  // Either method's table of the result: a row per criterion, a column per option.
  const table = { options: view.options, criteria: result.criteria, nameOf: criterionName };
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle as="h3" className="flex items-center gap-2">
            <Trophy aria-hidden="true" className="size-4 text-primary" />
            <span data-testid="winner">
              {result.winner
                ? `${nameOf(result.winner)} leads`
                : nothingCounted
                  ? "No recommendation yet"
                  : "No clear winner yet"}
            </span>
          </CardTitle>
          <CardDescription data-testid="confidence">
            {result.winner ? `Ahead ${marginWords(result.margin)} · ` : ""}
            {/* Confidence never stands alone while provisional: it says what it rests on. */}
            {provisional
              ? `Confidence on the ${view.coverage.counted} of ${view.coverage.total} ${view.coverage.total === 1 ? "criterion" : "criteria"} counted so far`
              : "Confidence"}
            : {confidenceWords(result, view.coverage)} · {METHOD_NAMES[view.method]}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-3">
          {nothingCounted ? (
            <p className="text-muted-foreground text-sm">
              No criterion has a score for every option yet, so there are no totals: nothing is
              filled in for what nobody scored.
            </p>
          ) : (
            <div style={totalsChartHeight(totals.length)}>
              <TotalsChart
                totals={totals.map((t) => ({ ...t, score: t.score ?? 0, rank: t.rank ?? 0 }))}
              />
            </div>
          )}
          <table className="w-full text-sm" data-testid="totals">
            <caption className="sr-only">
              Each option's total from 0 to 100, {METHOD_NAMES[view.method]}
            </caption>
            <thead className="text-left text-muted-foreground text-xs">
              <tr>
                <th scope="col" className="font-medium">
                  Option
                </th>
                <th scope="col" className="text-right font-medium">
                  Total (0–100)
                </th>
                <th scope="col" className="pl-4 font-medium">
                  Must-haves
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.map((t) => (
                <tr key={t.key} className="border-border border-t">
                  <th scope="row" className="py-1.5 text-left font-medium">
                    <span className="flex items-center gap-2">
                      <OptionSwatch index={t.index} />
                      {t.name}
                      {t.rank === 1 && result.winner === t.key ? (
                        <Badge variant="primary">Leader</Badge>
                      ) : null}
                    </span>
                  </th>
                  <td className="py-1.5 text-right tabular-nums" data-testid={`total-${t.key}`}>
                    {fmtOrNot(t.score)}
                  </td>
                  <td className="py-1.5 pl-4">
                    {failures(t.key).length > 0 ? (
                      <span className="flex flex-wrap gap-1">
                        {failures(t.key).map((f) => (
                          <Badge key={f.criterionKey} variant="destructive">
                            <TriangleAlert aria-hidden="true" />
                            Fails {criterionName(f.criterionKey)} ({fmt(f.score)})
                          </Badge>
                        ))}
                      </span>
                    ) : (
                      <span className="text-muted-foreground">None failed</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.notScored.length > 0 ? (
            <div className="text-sm">
              <p className="font-medium">Not counted in the totals:</p>
              <ul className="mt-1 space-y-0.5" data-testid="not-scored">
                {result.notScored.map((n) => (
                  <li key={n.criterionKey}>
                    {criterionName(n.criterionKey)}:{" "}
                    <span className="text-muted-foreground">
                      {notCountedReason(n.missingOptions.map(nameOf), result.totals.length)}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </CardContent>
      </Card>

      {result.hotSpots.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle as="h3" className="flex items-center gap-2">
              <Flame aria-hidden="true" className="size-4 text-warning" />
              Discuss these first
            </CardTitle>
            <CardDescription>{hotSpotsBasis(view.method)}</CardDescription>
          </CardHeader>
          <CardContent>
            <ol className="space-y-1.5 text-sm">
              {result.hotSpots.map((h) => (
                <li
                  key={h.criterionKey}
                  // On a phone the name reads on its own line, not a word a line beside why.
                  className="flex items-center justify-between gap-2 max-sm:flex-col max-sm:items-start max-sm:gap-0"
                >
                  <span className="font-medium">{criterionName(h.criterionKey)}</span>
                  <span className="text-muted-foreground">
                    {h.importanceSpread >= h.scoreSpread
                      ? "split on how much it matters"
                      : "split on how the options do"}{" "}
                    · {hotSpotMeasure(h, view.method)}
                  </span>
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
      ) : null}

      {result.winner ? (
        <Card>
          <CardHeader>
            <CardTitle as="h3" className="flex items-center gap-2">
              <Scale aria-hidden="true" className="size-4" />
              How solid is the lead?
            </CardTitle>
          </CardHeader>
          <CardContent>
            {!figures ? (
              <p className="text-sm" data-testid="lead-steady">
                {BORDA_LEAD}
              </p>
            ) : result.sensitivity.length === 0 ? (
              <p className="text-sm" data-testid="lead-steady">
                {/* With one criterion counted its weight is the whole total: steady means nothing. */}
                {fewCountedSensitivity(view.coverage) ??
                  `${nameOf(result.winner)} stays ahead whatever the importance of any single counted criterion, from 0 to 5.${unscoredCanChange(view.coverage)}`}
              </p>
            ) : (
              <ul className="space-y-1.5 text-sm" data-testid="lead-flips">
                {result.sensitivity.slice(0, 4).map((s) => {
                  if (s.tie) {
                    // An end of the range: the winner draws level there, it never falls behind.
                    const { at, now } = tieFigures(s.flipAt, s.importance);
                    return (
                      <li key={`${s.criterionKey}-tie`}>
                        {nameOf(result.winner)} ties with another option if{" "}
                        {criterionName(s.criterionKey)} importance is{" "}
                        <strong className="tabular-nums">{at}</strong>{" "}
                        <span className="text-muted-foreground">(now {now})</span>, without falling
                        behind
                      </li>
                    );
                  }
                  const { at, now } = flipFigures(s.flipAt, s.importance);
                  return (
                    <li key={s.criterionKey}>
                      {nameOf(result.winner)} stays ahead unless {criterionName(s.criterionKey)}{" "}
                      importance {s.direction === "below" ? "drops below" : "rises above"}{" "}
                      <strong className="tabular-nums">{at}</strong>{" "}
                      <span className="text-muted-foreground">(now {now})</span>
                    </li>
                  );
                })}
              </ul>
            )}
          </CardContent>
        </Card>
      ) : null}

      {figures ? (
        <Card>
          <CardHeader>
            <CardTitle as="h3">What each criterion adds</CardTitle>
            <CardDescription>
              Points each criterion contributes to each option's total.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <div style={contributionChartHeight(counted.length, view.options.length)}>
              <ContributionChart
                options={view.options}
                criteria={counted.map((c) => ({
                  name: criterionName(c.key),
                  values: c.contributions,
                }))}
              />
            </div>
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-muted-foreground">Show as a table</summary>
              {/* Shares rounded to add up to 100%, each option's points to add up to its total. */}
              <CriterionTable
                className="mt-2 w-full"
                testId="contributions"
                caption="Points per criterion and option"
                criterionHeader="Criterion"
                {...table}
                weight={{
                  header: "Weight",
                  cell: (c) => (c.counted ? figures.get(c.key)?.share : NOT_SCORED),
                }}
                cell={(c, option) => (c.counted ? figures.get(c.key)?.points[option] : "–")}
              />
            </details>
          </CardContent>
        </Card>
      ) : (
        <Card>
          <CardHeader>
            <CardTitle as="h3">How the Borda count adds up</CardTitle>
            <CardDescription data-testid="borda-breakdown">{BORDA_BREAKDOWN}</CardDescription>
          </CardHeader>
          <CardContent>
            <CriterionTable
              className="w-full text-sm"
              testId="team-scores"
              caption="The team's mean score per criterion and option, from 1 to 5"
              criterionHeader="Criterion (team's mean score, 1–5)"
              {...table}
              cell={(c, option) => fmtOrNot(c.scores[option])}
            />
          </CardContent>
        </Card>
      )}
    </>
  );
}

export function RoundComparison({
  view,
  nameOf,
}: {
  view: View;
  nameOf: (k: string | null) => string;
}) {
  const prev = view.previousRound;
  if (!prev || !view.result) return null;
  const now = view.result;
  // A round kept without totals (closed before anyone voted) scored no option.
  const earlier = (key: string) =>
    prev.totals.length === 0 ? null : prev.totals.find((t) => t.optionKey === key)?.score;
  return (
    <Alert variant="info" title={`Compared with round ${prev.round}`}>
      <ul className="space-y-0.5">
        {view.options.map((o) => (
          <li key={o.key}>
            {o.name}:{" "}
            {roundChangeWords(
              earlier(o.key),
              now.totals.find((t) => t.optionKey === o.key)?.score ?? null,
            )}
          </li>
        ))}
        <li>
          Leader then: {leaderWords(prev, nameOf)}; now: {leaderWords(now, nameOf)}.
        </li>
      </ul>
    </Alert>
  );
}

export function MyResult({ view, nameOf }: { view: View; nameOf: (k: string | null) => string }) {
  if (!view.mine) return null;
  const lean = ownLeanWords(view.mine, nameOf);
  const winner = view.mine.winner === null ? null : nameOf(view.mine.winner);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">Your own result</CardTitle>
        <CardDescription>From your votes alone, next to the team's.</CardDescription>
      </CardHeader>
      <CardContent>
        <p className="text-sm" data-testid="my-lean">
          {winner === null ? (
            lean
          ) : (
            <>
              You lean towards <strong data-testid="my-winner">{winner}</strong>.
            </>
          )}
        </p>
        <ul className="mt-2 space-y-0.5 text-sm">
          {view.options.map((o) => (
            <li key={o.key} className="flex justify-between gap-2">
              <span>{o.name}</span>
              <span className="tabular-nums">
                {fmtOrNot(view.mine?.totals.find((t) => t.optionKey === o.key)?.score)}
              </span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

/** Who has voted, and each member's own winner: a query of their own, loaded after the totals. */
function useParticipation(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.project.participation.queryOptions({ projectId }));
}

function ParticipationCard({
  view,
  projectId,
  nameOf,
}: {
  view: View;
  projectId: string;
  nameOf: (k: string | null) => string;
}) {
  const p = view.participation;
  const members = useParticipation(projectId);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">Participation</CardTitle>
        <CardDescription data-testid="ballots">
          {PARTICIPATION_BASIS[view.votersFrom]}
          {p.complete} complete · {p.partial} partial · {p.none} not started, of {p.eligible}{" "}
          {p.eligible === 1 ? "member" : "members"}
          {p.quorum !== null ? ` · ${quorumText(p)}: ${p.quorumMet ? "met" : "not met yet"}` : ""}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {members.data ? (
          <MemberList participation={members.data} />
        ) : members.isError ? (
          <p className="text-muted-foreground text-sm">
            The list of members could not be loaded: {messageOf(members.error)}
          </p>
        ) : (
          // The list's own height (a 24 px row per member, 6 px apart), so what follows the card
          // stays where it is when the list arrives: with 200 members, 6,000 px.
          <Skeleton
            aria-busy="true"
            style={{ height: `${Math.max(0, p.eligible * 1.875 - 0.375)}rem` }}
          />
        )}
        {/* Folded, and there from the first paint: unfolding is the reader's move, so the list
            arriving with the members' query (a row per voter) moves nothing on its own. */}
        {view.hidden ? null : (
          <details className="mt-3 text-sm" data-testid="personal-winners">
            <summary className="cursor-pointer font-medium">Each member's own winner</summary>
            <PersonalWinners personal={members.data?.personal} nameOf={nameOf} />
          </details>
        )}
      </CardContent>
    </Card>
  );
}

/** Each member's ballot: complete, partial or not started (who, never how, even when blind). */
function MemberList({ participation }: { participation: Participation }) {
  return (
    <ul className="space-y-1.5 text-sm" data-testid="participation">
      {participation.members.map((m) => (
        <li
          key={m.id}
          className="flex items-center justify-between gap-2"
          data-testid={`ballot-${m.id}`}
          data-ballot={m.ballot}
        >
          <span className="flex items-center gap-2">
            <Avatar name={m.name} size="sm" />
            {m.name}
          </span>
          {m.ballot === "complete" ? (
            <Badge variant="success">Complete</Badge>
          ) : m.ballot === "partial" ? (
            <Badge variant="outline">
              Partial: {m.doneCriteria} of {participation.criteriaCount} criteria
            </Badge>
          ) : (
            <Badge variant="neutral">Not started</Badge>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Who each voter's own totals put first, from their votes alone. */
export function PersonalWinners({
  personal,
  nameOf,
}: {
  personal: Participation["personal"] | undefined;
  nameOf: (k: string | null) => string;
}) {
  if (!personal) return <Skeleton className="mt-2 h-16" aria-busy="true" />;
  if (personal.length === 0)
    return <p className="mt-2 text-muted-foreground">Nobody has voted yet.</p>;
  return (
    <ul className="mt-2 space-y-1">
      {personal.map((p) => (
        <li key={p.voterId} className="flex justify-between gap-2">
          <span>{p.name}</span>
          <span className="font-medium">{personalWinnerWords(p, nameOf)}</span>
        </li>
      ))}
    </ul>
  );
}
