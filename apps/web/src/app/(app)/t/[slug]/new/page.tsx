import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { api, apiOrNull } from "~/trpc/server";
import { NewProjectWizard } from "./new-project-wizard";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "New decision" };

export default async function NewProjectPage({ params }: Props) {
  const { slug } = await params;
  const team = await apiOrNull((c) => c.team.get({ slug }));
  if (!team) notFound();
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
    />
  );
}
