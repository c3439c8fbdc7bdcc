import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { recordMarkdown } from "~/components/markdown/record-markdown";
import { apiOrNull } from "~/trpc/server";
import { RecordPage } from "./_components/record-page";

type Props = { params: Promise<{ slug: string; projectId: string }> };

const loadRecord = (projectId: string) => apiOrNull((c) => c.record.get({ projectId }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const record = await loadRecord((await params).projectId);
  return { title: record ? `Decision record: ${record.view.project.title}` : "Decision not found" };
}

export default async function DecisionRecordPage({ params }: Props) {
  const { slug, projectId } = await params;
  const [record, draftPage] = await Promise.all([
    loadRecord(projectId),
    apiOrNull((c) => c.draft.get({ projectId })),
  ]);
  if (!record || record.view.team.slug !== slug) notFound();
  // While the team writes the record in a shared draft, recording leads there.
  const draft = draftPage?.draft;
  const openDraft =
    draft?.status === "PROPOSED"
      ? {
          href: `/t/${slug}/p/${projectId}/draft`,
          startedBy: draft.startedBy,
          startedAt: draft.startedAt,
        }
      : null;
  // The record's Markdown is rendered here, on the server: no Markdown code is sent.
  return (
    <RecordPage
      initial={record}
      slug={slug}
      openDraft={openDraft}
      markdown={recordMarkdown(
        record.view,
        record.revisions.map((r) => r.fields.rationale),
      )}
    />
  );
}
