import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ApprovalRuleSetting } from "~/components/draft/review/approval-rule-setting";
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
  const draft = await apiOrNull((c) => c.draft.get({ projectId }));
  return (
    <>
      <EditDraft project={project} />
      {draft?.viewer.canOverride ? (
        <section aria-labelledby="approval-rule" className="mx-auto mt-6 max-w-3xl space-y-2">
          <h2 id="approval-rule" className="font-semibold text-lg">
            Signing off the record
          </h2>
          <ApprovalRuleSetting projectId={projectId} rule={draft.project.approvalRule} />
        </section>
      ) : null}
    </>
  );
}
