import { TRPCError } from "@trpc/server";
import { Vote } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RememberLastTeam } from "~/components/app/last-team";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ slug: string }> };

async function loadTeam(slug: string) {
  try {
    return await (await api()).team.get({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const team = await loadTeam((await params).slug);
  return { title: team?.name ?? "Team not found" };
}

export default async function TeamDashboardPage({ params }: Props) {
  const team = await loadTeam((await params).slug);
  if (!team) notFound();
  const roleLabel = team.role.charAt(0) + team.role.slice(1).toLowerCase();
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
      </div>
      <section aria-labelledby="decisions-heading" className="space-y-3">
        <h2 id="decisions-heading" className="font-medium text-lg">
          Decisions
        </h2>
        <EmptyState
          icon={<Vote />}
          title="No decisions yet"
          description="Decision projects of this team will be listed here by status, with the current leader, your pending votes and deadlines."
        />
      </section>
    </div>
  );
}
