import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DraftTextSection } from "~/components/draft/draft-text-section";
import { DraftReviewPage } from "~/components/draft/review/draft-review-page";
import { renderMarkdown } from "~/components/markdown/markdown";
import { getSessionUser } from "~/server/auth";
import { apiOrNull } from "~/trpc/server";

type Props = { params: Promise<{ slug: string; projectId: string }> };

const loadDraft = (projectId: string) => apiOrNull((c) => c.draft.get({ projectId }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadDraft((await params).projectId);
  return { title: data ? `Record draft: ${data.project.title}` : "Decision not found" };
}

/**
 * The record's shared draft: its fields, review and comments, with the text edited live (the
 * editor's code loads with this page only).
 */
export default async function RecordDraftPage({ params }: Props) {
  const { slug, projectId } = await params;
  const [data, user] = await Promise.all([loadDraft(projectId), getSessionUser()]);
  if (!data || !user) notFound();
  const draft = data.draft;
  return (
    <DraftReviewPage
      initial={data}
      slug={slug}
      textSlotFor={draft?.id}
      // Rendered here, on the server: the page sends no Markdown code to the browser.
      renderedReason={renderMarkdown([draft?.overrideReason], { inline: true })}
      textSlot={
        draft ? (
          <DraftTextSection
            draftId={draft.id}
            user={{ id: user.id, name: user.name ?? user.email }}
            canEdit={draft.status === "PROPOSED" && data.viewer.canEdit}
          />
        ) : undefined
      }
    />
  );
}
