import { FolderGit2, Plus, Users, Vote } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RememberLastTeam } from "~/components/app/last-team";
import { CreateSampleButton } from "~/components/sample/sample-buttons";
import { Badge } from "~/components/ui/badge";
import { buttonVariants } from "~/components/ui/button-variants";
import { EmptyState } from "~/components/ui/empty-state";
import { api, apiOrNull } from "~/trpc/server";
import { DashboardLists } from "./dashboard-lists";
import { DueReviews } from "./p/[projectId]/record/_components/due-reviews";
import { recordStatusFromParam, statusFromParam, tagFromParam } from "./project-filters";
import { ProjectFinder } from "./project-finder";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadTeam = (slug: string) => apiOrNull((c) => c.team.get({ slug }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const team = await loadTeam((await params).slug);
  return { title: team?.name ?? "Team not found" };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function TeamDashboardPage({ params, searchParams }: Props) {
  const team = await loadTeam((await params).slug);
  if (!team) notFound();
  const roleLabel = team.role.charAt(0) + team.role.slice(1).toLowerCase();
  // A search kept in the address (?q=&status=&record=&tag=): an unknown status or tag is
  // ignored, the text cut to size.
  const query = await searchParams;
  const q = (first(query.q) ?? "").slice(0, 200);
  const status = statusFromParam(first(query.status));
  const recordStatus = recordStatusFromParam(first(query.record));
  const tag = tagFromParam(first(query.tag));
  const filtering = Boolean(q.trim() || status || recordStatus || tag);
  // While a filter is on, the dashboard is not shown: it is computed only without one.
  const [dashboard, found, teamTags] = await Promise.all([
    filtering ? undefined : api((c) => c.dashboard.get({ teamId: team.id })),
    filtering
      ? api((c) =>
          c.project.list({
            teamId: team.id,
            q,
            ...(status ? { status } : {}),
            ...(recordStatus ? { recordStatus } : {}),
            ...(tag ? { tag } : {}),
          }),
        ).catch(() => undefined)
      : undefined,
    api((c) => c.tag.list({ teamId: team.id })),
  ]);
  const canCreate = team.role !== "VIEWER";
  return (
    <div className="space-y-8">
      <RememberLastTeam slug={team.slug} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="font-semibold text-2xl tracking-tight">{team.name}</h1>
          <p className="text-muted-foreground text-sm">
            {team.memberCount} {team.memberCount === 1 ? "member" : "members"} · you are{" "}
            <Badge variant="neutral">{roleLabel}</Badge>
          </p>
        </div>
        {/* On a phone the buttons grow to fill each row they wrap onto: none is left alone. */}
        <div className="flex flex-wrap gap-2 max-sm:w-full max-sm:*:flex-auto">
          <Link
            className={buttonVariants({ variant: "secondary" })}
            href={`/t/${team.slug}/members`}
          >
            <Users aria-hidden="true" /> Members
          </Link>
          <Link
            className={buttonVariants({ variant: "secondary" })}
            href={`/t/${team.slug}/records`}
          >
            <FolderGit2 aria-hidden="true" /> Records folder
          </Link>
          {canCreate ? (
            <Link className={buttonVariants()} href={`/t/${team.slug}/new`}>
              <Plus aria-hidden="true" /> New decision
            </Link>
          ) : null}
        </div>
      </div>
      <DueReviews teamId={team.id} slug={team.slug} />
      {dashboard?.total === 0 ? (
        <section aria-labelledby="decisions-heading" className="space-y-3">
          <h2 id="decisions-heading" className="font-medium text-lg">
            Decisions
          </h2>
          <EmptyState
            icon={<Vote />}
            title="No decisions yet"
            description="Start one from a template of the gallery, a team template or a blank page, or first see how it works on a sample decision with made-up votes."
            action={
              canCreate ? (
                <div className="flex flex-col items-center gap-3">
                  <Link className={buttonVariants()} href={`/t/${team.slug}/new`}>
                    New decision
                  </Link>
                  <CreateSampleButton teamId={team.id} slug={team.slug} />
                </div>
              ) : null
            }
          />
        </section>
      ) : (
        <ProjectFinder
          // A link to another filter (the dashboard's "Show all") starts the finder afresh.
          key={JSON.stringify([q, status, recordStatus, tag])}
          slug={team.slug}
          teamId={team.id}
          initialQ={q}
          initialStatus={status}
          initialRecordStatus={recordStatus}
          initialTag={tag}
          teamTags={teamTags.map((t) => t.tag)}
          initialResults={found}
        >
          {dashboard ? <DashboardLists slug={team.slug} dashboard={dashboard} /> : null}
        </ProjectFinder>
      )}
    </div>
  );
}
