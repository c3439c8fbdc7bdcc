import type { Metadata } from "next";
import { PageShell } from "~/components/app/page-heading";
import { PendingInvitations } from "~/components/team/invitations-section";
import { MembersSection } from "~/components/team/members-section";
import { isAdmin, roleLabel } from "~/components/team/roles";
import { Section } from "~/components/team/section";
import { Badge } from "~/components/ui/badge";
import { emailConfigured } from "~/server/jobs";
import { teamPageData, teamPageMetadata, teamPeople } from "../_team/team-page";
import { InvitePanel } from "./invite-panel";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return teamPageMetadata((await params).slug, "Members", "Members");
}

/**
 * Who is in the team, and (for owners and admins) inviting people: the same member list and
 * invitation pieces as team settings, on the page people look for first.
 */
export default async function MembersPage({ params }: Props) {
  const { user, team, summary } = await teamPageData((await params).slug, "members");
  const admin = isAdmin(team.role);
  const { members, invitations } = await teamPeople(team);
  return (
    <PageShell
      className="space-y-8"
      title="Members"
      team={team}
      description={
        <>
          {team.memberCount} {team.memberCount === 1 ? "member" : "members"} · you are{" "}
          <Badge variant="neutral">{roleLabel(team.role)}</Badge>
        </>
      }
    >
      {admin ? (
        <InvitePanel team={summary} emailed={emailConfigured()} />
      ) : (
        <p className="text-muted-foreground text-sm">
          To bring someone in, ask an owner or admin of {team.name} for an invitation link.
        </p>
      )}
      <MembersSection
        team={summary}
        currentUserId={user.id}
        title="People"
        initialMembers={members}
      />
      {admin ? (
        <Section
          id="pending-invitations"
          title="Pending invitations"
          description="Each link works once, until it expires. Links are shown only when created: if one was lost, revoke it and invite again."
        >
          <PendingInvitations
            team={summary}
            initialInvitations={invitations}
            emailed={emailConfigured()}
          />
        </Section>
      ) : null}
    </PageShell>
  );
}
