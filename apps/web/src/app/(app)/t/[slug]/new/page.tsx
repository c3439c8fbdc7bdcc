import type { Metadata } from "next";
import { api } from "~/trpc/server";
import { teamPageData } from "../_team/team-page";
import { NewProjectWizard } from "./new-project-wizard";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "New decision" };

export default async function NewProjectPage({ params }: Props) {
  const { user, team } = await teamPageData((await params).slug, "new");
  if (team.role === "VIEWER") {
    return (
      <p className="text-muted-foreground">
        Viewers cannot start decisions. Ask a team admin for the member role.
      </p>
    );
  }
  const templates = await api((c) => c.project.templates({ teamId: team.id }));
  return (
    <NewProjectWizard
      team={{ id: team.id, slug: team.slug, name: team.name }}
      templates={templates}
      userId={user.id}
    />
  );
}
