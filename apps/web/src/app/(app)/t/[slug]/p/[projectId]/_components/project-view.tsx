"use client";

import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { Tabs } from "radix-ui";
import { RecommendationPanel } from "~/components/decision/recommendation-panel";
import { VotingPanel } from "~/components/decision/voting-panel";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";
import { PresenceBar } from "../_live/presence-bar";
import { ProjectDiscussion, ProjectHistory } from "../_live/project-live-tabs";
import { useProjectLive } from "../_live/use-project-live";
import { ProjectHeader } from "./project-header";

type Project = RouterOutputs["project"]["get"];

const tabClasses = cn(
  "-mb-px cursor-pointer border-transparent border-b-2 px-3 py-2 font-medium text-muted-foreground text-sm",
  "hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring",
  "data-[state=active]:border-primary data-[state=active]:text-foreground",
);

/**
 * The project page. Its data comes from react-query queries keyed by tRPC, so invalidating
 * `project.get` or `project.recommendation` (after a vote, or from a live update) refreshes it.
 */
export function ProjectView({ initialProject }: { initialProject: Project }) {
  const trpc = useTRPC();
  const { data: project } = useQuery({
    ...trpc.project.get.queryOptions({ projectId: initialProject.id }),
    initialData: initialProject,
  });
  // Teammates' changes refresh this page live; one stream per open page.
  const live = useProjectLive(initialProject.id);
  const liveProps = {
    projectId: project.id,
    teamId: project.teamId,
    status: project.status,
    options: project.options,
    criteria: project.criteria,
  };

  return (
    <div className="space-y-6">
      <ProjectHeader project={project} />
      <PresenceBar viewers={live.viewers} />
      <Tabs.Root defaultValue="vote" className="space-y-6">
        <Tabs.List aria-label="Project views" className="flex gap-1 border-border border-b">
          <Tabs.Trigger value="vote" className={tabClasses}>
            Vote &amp; results
          </Tabs.Trigger>
          <Tabs.Trigger value="history" className={tabClasses}>
            History
          </Tabs.Trigger>
          <Tabs.Trigger value="discussion" className={tabClasses}>
            Discussion
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="vote" className="focus-visible:outline-none">
          <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
            <VotingPanel project={project} />
            <div className="lg:sticky lg:top-4 lg:self-start">
              <RecommendationPanel projectId={project.id} />
            </div>
          </div>
        </Tabs.Content>
        <Tabs.Content value="history">
          <ProjectHistory {...liveProps} />
        </Tabs.Content>
        <Tabs.Content value="discussion">
          <ProjectDiscussion {...liveProps} />
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
