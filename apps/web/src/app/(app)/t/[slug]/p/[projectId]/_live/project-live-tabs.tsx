"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useEffect } from "react";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { commentPages } from "./comment-pages";

// Tabs behind the first one load their code (chart and markdown libraries) when opened.
const HistoryTab = dynamic(() => import("./history-tab").then((m) => m.HistoryTab), {
  loading: () => <Skeleton className="h-64 w-full" />,
});
const loadDiscussion = () => import("./discussion").then((m) => m.Discussion);
const Discussion = dynamic(loadDiscussion, {
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

/**
 * The discussion shows once its comments are in: until then one placeholder, so they appear in
 * its place in one step instead of pushing the composer (or whatever the reader is aiming at)
 * down as they arrive. Its code loads meanwhile.
 */
export function ProjectDiscussion({ projectId, teamId, status, criteria }: Props) {
  const trpc = useTRPC();
  const members = useTeamMembers(teamId);
  // The whole project's thread, which the discussion opens on.
  const comments = useInfiniteQuery(commentPages(trpc, projectId, null));
  useEffect(() => {
    void loadDiscussion();
  }, []);
  if (comments.isPending) return <Skeleton className="h-64 w-full" />;
  return (
    <Discussion
      projectId={projectId}
      criteria={criteria}
      members={members}
      readOnly={status === "ARCHIVED"}
    />
  );
}
