import { getDraftDocumentSummary } from "@tradeoff/api/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DraftHeader } from "~/components/draft/draft-header";
import { DraftTextSection } from "~/components/draft/draft-text-section";
import { getSessionUser } from "~/server/auth";
import { db } from "~/server/db";
import { apiOrNull } from "~/trpc/server";

type Props = { params: Promise<{ slug: string; projectId: string }> };

const loadProject = (projectId: string) => apiOrNull((c) => c.project.get({ projectId }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const project = await loadProject((await params).projectId);
  return { title: project ? `Record draft: ${project.title}` : "Decision not found" };
}

/** The record's shared draft: a thin composition of the draft's sections. */
export default async function DraftPage({ params }: Props) {
  const { slug, projectId } = await params;
  const [project, user] = await Promise.all([loadProject(projectId), getSessionUser()]);
  if (!project || project.team.slug !== slug || !user) notFound();
  const draft = await getDraftDocumentSummary(db(), { projectId, userId: user.id });
  if (!draft) notFound();
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <DraftHeader slug={slug} projectId={projectId} title={project.title} status={draft.status} />
      <DraftTextSection
        draftId={draft.id}
        user={{ id: user.id, name: user.name ?? user.email }}
        canEdit={draft.canEdit}
      />
    </div>
  );
}
