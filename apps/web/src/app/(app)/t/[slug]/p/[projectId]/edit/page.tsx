import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { apiOrNull } from "~/trpc/server";
import { EditDraft } from "./edit-draft";

type Props = { params: Promise<{ slug: string; projectId: string }> };

export const metadata: Metadata = { title: "Edit draft" };

export default async function EditDraftPage({ params }: Props) {
  const { slug, projectId } = await params;
  const project = await apiOrNull((c) => c.project.get({ projectId }));
  if (!project || project.team.slug !== slug) notFound();
  // Options and criteria are fixed once voting starts; there is nothing to edit here then.
  if (project.status !== "DRAFT" || !project.viewer.canEdit) redirect(`/t/${slug}/p/${projectId}`);
  return <EditDraft project={project} />;
}
