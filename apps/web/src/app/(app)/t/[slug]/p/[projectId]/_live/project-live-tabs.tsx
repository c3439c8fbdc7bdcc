"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";

// Tabs behind the first one load their code (chart and markdown libraries) when opened.
const HistoryTab = dynamic(() => import("./history-tab").then((m) => m.HistoryTab), {
  loading: () => <Skeleton className="h-64 w-full" />,
});
const Discussion = dynamic(() => import("./discussion").then((m) => m.Discussion), {
  loading: () => <Skeleton className="h-64 w-full" />,
});

type Props = {
  projectId: string;
  teamId: string;
  status: string;
  options: { key: string; name: string }[];
  criteria: { key: string; name: string }[];
};

/** Team members by display name: the composer's @ suggestions. */
function useTeamMembers(teamId: string) {
  const trpc = useTRPC();
  const members = useQuery(trpc.member.list.queryOptions({ teamId }));
  return (members.data ?? []).map((m) => ({ id: m.id, name: m.name ?? m.email ?? "Someone" }));
}

/**
 * The history's member filter offers everyone whose changes it holds: the team's members, and a
 * sample's fictional teammates or a member who has left, marked as such.
 */
export function ProjectHistory({ projectId, options, criteria }: Props) {
  const trpc = useTRPC();
  const people = useQuery(trpc.history.people.queryOptions({ projectId }));
  const members = (people.data ?? []).map((p) => ({
    id: p.id,
    name: p.fictional || p.member ? p.name : `${p.name} (no longer in the team)`,
  }));
  return (
    <HistoryTab projectId={projectId} options={options} criteria={criteria} members={members} />
  );
}

export function ProjectDiscussion({ projectId, teamId, status, criteria }: Props) {
  const members = useTeamMembers(teamId);
  return (
    <Discussion
      projectId={projectId}
      criteria={criteria}
      members={members}
      readOnly={status === "ARCHIVED"}
    />
  );
}
