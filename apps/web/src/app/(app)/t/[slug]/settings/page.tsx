import type { Metadata } from "next";
import { PageShell } from "~/components/app/page-heading";
import { InvitationsSection } from "~/components/team/invitations-section";
import { MembersSection } from "~/components/team/members-section";
import { isAdmin, roleLabel } from "~/components/team/roles";
import { Badge } from "~/components/ui/badge";
import { emailConfigured } from "~/server/jobs";
import { teamPageData, teamPageMetadata, teamPeople } from "../_team/team-page";
import { AuditSection } from "./_components/audit-section";
import { DangerZone } from "./_components/danger-zone";
import { TeamNameForm } from "./_components/team-name-form";
import { WebhooksSection } from "./_components/webhooks-section";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return teamPageMetadata((await params).slug, "Settings", "Team settings");
}

/** Team settings: everyone sees the members; admins and owners manage them. */
export default async function TeamSettingsPage({ params }: Props) {
  const { user, team, summary } = await teamPageData((await params).slug, "settings");
  const admin = isAdmin(team.role);
  const { members, invitations } = await teamPeople(team);
  return (
    <PageShell
      className="space-y-10"
      title="Team settings"
      team={team}
      description={
        <>
          Your role: <Badge variant="neutral">{roleLabel(team.role)}</Badge>
          {admin ? null : " · Owners and admins manage members and invitations."}
        </>
      }
    >
      <TeamNameForm team={summary} />
      <MembersSection team={summary} currentUserId={user.id} initialMembers={members} />
      {admin ? (
        <InvitationsSection
          team={summary}
          initialInvitations={invitations}
          emailed={emailConfigured()}
        />
      ) : null}
      {admin ? <WebhooksSection team={summary} /> : null}
      {admin ? <AuditSection team={summary} /> : null}
      <DangerZone team={summary} currentUserId={user.id} />
    </PageShell>
  );
}
