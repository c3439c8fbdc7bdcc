"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import dynamic from "next/dynamic";
import { type KeyboardEvent, type ReactNode, useId, useState } from "react";
import { RecommendationPanel } from "~/components/decision/recommendation-panel";
import { type BallotView, VotingPanel } from "~/components/decision/voting-panel";
import type { RenderedMarkdown } from "~/components/markdown/rendered-text";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";
import { ProjectDiscussion, ProjectHistory } from "../_live/project-live-tabs";
import type { LivePosition } from "../_live/use-project-live";
import { ProjectHeader } from "./project-header";
import { WaitingOn } from "./waiting-on";

// Teammates' changes refresh this page live, one stream per open page. The stream opens once
// the page has hydrated and who is viewing is only known from it, so its code loads the same way.
const LivePresence = dynamic(() => import("../_live/presence-bar").then((m) => m.LivePresence), {
  loading: () => null,
});

type Project = RouterOutputs["project"]["get"];
type Recommendation = RouterOutputs["project"]["recommendation"];
type MyVotes = RouterOutputs["vote"]["mine"];
type Waiting = RouterOutputs["project"]["waitingOn"];

const tabClasses = cn(
  "-mb-px min-h-11 cursor-pointer border-transparent border-b-2 px-3 py-2 font-medium text-muted-foreground text-sm sm:min-h-0",
  "hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring",
  "data-[state=active]:border-primary data-[state=active]:text-foreground",
);

/**
 * The project page. Its data comes from react-query queries keyed by tRPC, so invalidating
 * `project.get` or `project.recommendation` (after a vote, or from a live update) refreshes it.
 */
export function ProjectView({
  initialProject,
  initialRecommendation,
  initialVotes,
  initialWaitingOn,
  initialBallotView = "LIST",
  draftHref,
  renderedContext,
  liveFrom,
}: {
  initialProject: Project;
  /** The newest change when the page was read: its live stream starts there. */
  liveFrom?: LivePosition | undefined;
  /** The ballot layout the member chose, remembered on their account. */
  initialBallotView?: BallotView;
  /** The record's shared draft, when one was started. */
  draftHref?: string;
  /** The context as Markdown, rendered on the server so no Markdown code is sent. */
  renderedContext?: RenderedMarkdown;
  initialRecommendation?: Recommendation | undefined;
  initialVotes?: MyVotes | undefined;
  initialWaitingOn?: Waiting | undefined;
}) {
  const trpc = useTRPC();
  const { data: project } = useQuery({
    ...trpc.project.get.queryOptions({ projectId: initialProject.id }),
    initialData: initialProject,
  });
  const [ballotView, setBallotView] = useState<BallotView>(initialBallotView);
  const rememberView = useMutation(trpc.account.setBallotView.mutationOptions());
  const changeView = (view: BallotView) => {
    setBallotView(view);
    rememberView.mutate({ ballotView: view });
  };
  const matrix = ballotView === "MATRIX" && project.viewer.canVote;
  const liveProps = {
    projectId: project.id,
    teamId: project.teamId,
    status: project.status,
    options: project.options,
    criteria: project.criteria,
  };

  return (
    <div className="space-y-6">
      <ProjectHeader project={project} draftHref={draftHref} renderedContext={renderedContext} />
      {/* The row who is viewing appears in is there from the first paint: the ballot below must
          not move down when the live stream connects, under a voter's pointer mid-click. */}
      <div className="min-h-6">
        <LivePresence
          projectId={initialProject.id}
          from={liveFrom}
          meId={project.viewer.userId}
          criteria={project.criteria}
        />
      </div>
      <Tabs
        label="Project views"
        tabs={[
          {
            value: "vote",
            label: <>Vote &amp; results</>,
            content: (
              // The matrix takes the page's full width, with the results under it.
              <div
                className={
                  matrix
                    ? "grid grid-cols-1 gap-8"
                    : "grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]"
                }
              >
                {/* Where the results come after every criterion (a phone, the matrix), a way
                    straight to them rather than scrolling past each card. */}
                <a
                  href="#team-results"
                  className={`${matrix ? "" : "lg:hidden "}-mb-4 inline-flex min-h-6 items-center justify-self-start text-primary text-sm underline-offset-4 hover:underline`}
                  data-testid="jump-to-results"
                >
                  Skip to the team's recommendation
                </a>
                <VotingPanel
                  project={project}
                  initialVotes={initialVotes}
                  view={matrix ? "MATRIX" : "LIST"}
                  onViewChange={project.viewer.canVote ? changeView : undefined}
                  viewNotSaved={rememberView.isError}
                />
                <div
                  id="team-results"
                  tabIndex={-1}
                  className={`scroll-mt-4 focus-visible:outline-none ${matrix ? "space-y-6" : "space-y-6 lg:sticky lg:top-4 lg:self-start"}`}
                >
                  <RecommendationPanel projectId={project.id} initialData={initialRecommendation} />
                  {project.status === "OPEN" ? (
                    <WaitingOn projectId={project.id} initialData={initialWaitingOn} />
                  ) : null}
                </div>
              </div>
            ),
          },
          { value: "history", label: "History", content: <ProjectHistory {...liveProps} /> },
          {
            value: "discussion",
            label: "Discussion",
            content: <ProjectDiscussion {...liveProps} />,
          },
        ]}
      />
    </div>
  );
}

type Tab = { value: string; label: ReactNode; content: ReactNode; className?: string };

/**
 * WAI-ARIA tabs with automatic activation, as Radix Tabs renders them (same roles, ids and
 * data-state), without its code: arrow keys (wrapping), Home/PageUp and End/PageDown move between tabs and
 * select them; only the selected tab is in the Tab order; only the selected panel renders.
 */
function Tabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  const [selected, setSelected] = useState(tabs[0]?.value);
  const id = useId();
  const triggerId = (value: string) => `${id}-trigger-${value}`;
  const contentId = (value: string) => `${id}-content-${value}`;

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = tabs.length - 1;
    const target =
      event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home" || event.key === "PageUp"
            ? 0
            : event.key === "End" || event.key === "PageDown"
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    const next = tabs[target];
    if (!next) return;
    setSelected(next.value);
    document.getElementById(triggerId(next.value))?.focus();
  }

  return (
    <div dir="ltr" data-orientation="horizontal" className="space-y-6">
      <div
        role="tablist"
        aria-label={label}
        aria-orientation="horizontal"
        className="flex gap-1 border-border border-b"
      >
        {tabs.map((tab, index) => {
          const active = tab.value === selected;
          return (
            <button
              key={tab.value}
              type="button"
              role="tab"
              id={triggerId(tab.value)}
              aria-selected={active}
              aria-controls={contentId(tab.value)}
              data-state={active ? "active" : "inactive"}
              data-orientation="horizontal"
              tabIndex={active ? 0 : -1}
              className={tabClasses}
              onMouseDown={(event) => {
                // Selected on press, like Radix; a ctrl-click (context menu on macOS) is not a press.
                if (event.button === 0 && !event.ctrlKey) setSelected(tab.value);
                else event.preventDefault();
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter" || event.key === " ") setSelected(tab.value);
                else onKeyDown(event, index);
              }}
              onFocus={() => setSelected(tab.value)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => {
        const active = tab.value === selected;
        return (
          <div
            key={tab.value}
            role="tabpanel"
            id={contentId(tab.value)}
            aria-labelledby={triggerId(tab.value)}
            data-state={active ? "active" : "inactive"}
            data-orientation="horizontal"
            hidden={!active}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the WAI-ARIA tabs pattern (and Radix) make the panel focusable.
            tabIndex={0}
            className={tab.className}
          >
            {active ? tab.content : null}
          </div>
        );
      })}
    </div>
  );
}
