import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DraftReviewPage } from "~/components/draft/review/draft-review-page";
import { apiOrNull } from "~/trpc/server";

type Props = { params: Promise<{ slug: string; projectId: string }> };

const loadDraft = (projectId: string) => apiOrNull((c) => c.draft.get({ projectId }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadDraft((await params).projectId);
  return { title: data ? `Record draft: ${data.project.title}` : "Decision not found" };
}

/** The record's shared draft: a thin composition of the draft's components. */
export default async function RecordDraftPage({ params }: Props) {
  const { slug, projectId } = await params;
  const data = await loadDraft(projectId);
  if (!data) notFound();
  return <DraftReviewPage initial={data} slug={slug} />;
}
