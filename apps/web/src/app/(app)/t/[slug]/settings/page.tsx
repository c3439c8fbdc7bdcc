import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { InvitationsSection } from "~/components/team/invitations-section";
import { MembersSection } from "~/components/team/members-section";
import { roleLabel } from "~/components/team/roles";
import { Badge } from "~/components/ui/badge";
import { getSessionUser } from "~/server/auth";
import { apiOrNull } from "~/trpc/server";
import { AuditSection } from "./_components/audit-section";
import { DangerZone } from "./_components/danger-zone";
import { TeamNameForm } from "./_components/team-name-form";

type Props = { params: Promise<{ slug: string }> };

const loadTeam = (slug: string) => apiOrNull((c) => c.team.get({ slug }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!(await getSessionUser())) return { title: "Team settings" };
  const team = await loadTeam((await params).slug);
  return { title: team ? `Settings · ${team.name}` : "Team not found" };
}

/** Team settings: everyone sees the members; admins and owners manage them. */
export default async function TeamSettingsPage({ params }: Props) {
  const { slug } = await params;
  // The layout redirects too, but pages render alongside it: never call the API signed out.
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/t/${slug}/settings`)}`);
  const team = await loadTeam(slug);
  if (!team) notFound();
  const isAdmin = team.role === "OWNER" || team.role === "ADMIN";
  const summary = { id: team.id, name: team.name, slug: team.slug, role: team.role };
  return (
    <div className="space-y-10">
      <div className="space-y-1">
        <p className="text-muted-foreground text-sm">
          <Link href={`/t/${team.slug}`} className="underline-offset-4 hover:underline">
            {team.name}
          </Link>
        </p>
        <h1 className="font-semibold text-2xl tracking-tight">Team settings</h1>
        <p className="text-muted-foreground text-sm">
          Your role: <Badge variant="neutral">{roleLabel(team.role)}</Badge>
          {isAdmin ? null : " · Owners and admins manage members and invitations."}
        </p>
      </div>
      <TeamNameForm team={summary} />
      <MembersSection team={summary} currentUserId={user.id} />
      {isAdmin ? <InvitationsSection team={summary} /> : null}
      {isAdmin ? <AuditSection team={summary} /> : null}
      <DangerZone team={summary} currentUserId={user.id} />
    </div>
  );
}
