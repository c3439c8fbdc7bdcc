"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { ProjectSubpageHeader } from "~/components/app/project-subpage-header";
import type { RenderedMarkdown } from "~/components/markdown/rendered-text";
import { Badge } from "~/components/ui/badge";
import { buttonVariants } from "~/components/ui/button-variants";
import { useTRPC } from "~/trpc/react";
import { DraftStatusContext } from "../draft-status";
import { ApprovalRuleSetting } from "./approval-rule-setting";
import { DiscardDraftButton } from "./discard-draft";
import { DraftComments } from "./draft-comments";
import { DraftFieldsForm } from "./draft-fields-form";
import { DraftTextView } from "./draft-text-view";
import { ReviewPanel } from "./review-panel";
import { StartDraftButton } from "./start-draft-button";
import { type DraftPageData, dateTime } from "./types";
import { useDraftLive } from "./use-draft-live";

const STATUS_BADGE = {
  PROPOSED: { label: "Proposed", variant: "neutral" },
  ACCEPTED: { label: "Accepted", variant: "success" },
  DISCARDED: { label: "Discarded", variant: "outline" },
} as const;

/**
 * The record draft page: its fields, its text (`textSlot`: the live editor of the draft
 * `textSlotFor` where present, else the stored text read-only), the review panel and comments,
 * kept current by the live stream. A discarded draft is shown read-only, with the ways on.
 */
export function DraftReviewPage({
  initial,
  slug,
  textSlot,
  textSlotFor,
  renderedReason,
}: {
  initial: DraftPageData;
  slug: string;
  textSlot?: ReactNode;
  textSlotFor?: string;
  /** The override reason as Markdown, rendered by the server page (`renderMarkdown`). */
  renderedReason?: RenderedMarkdown;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const projectId = initial.project.id;
  const { data = initial } = useQuery(
    trpc.draft.get.queryOptions({ projectId }, { initialData: initial }),
  );
  useDraftLive(projectId);
  const draft = data.draft;
  const projectUrl = `/t/${slug}/p/${projectId}`;
  const discarded = draft?.status === "DISCARDED";
  // A new draft started since the page loaded: the server renders its live editor.
  const newDraft = Boolean(draft && textSlotFor && draft.id !== textSlotFor);
  useEffect(() => {
    if (newDraft) router.refresh();
  }, [newDraft, router]);
  // After discarding, focus moves to the notice that replaces the draft's controls.
  const notice = useRef<HTMLHeadingElement>(null);
  const [focusNotice, setFocusNotice] = useState(false);
  useEffect(() => {
    if (focusNotice && discarded) {
      notice.current?.focus();
      setFocusNotice(false);
    }
  }, [focusNotice, discarded]);

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <ProjectSubpageHeader
        projectUrl={projectUrl}
        title={`Record draft: ${data.project.title}`}
        badge={
          draft ? (
            <Badge variant={STATUS_BADGE[draft.status].variant} data-testid="draft-status">
              {STATUS_BADGE[draft.status].label}
            </Badge>
          ) : null
        }
      />
      {!draft ? (
        <div className="space-y-2">
          <p className="text-sm">
            {data.project.recorded
              ? "This decision was recorded without a shared draft."
              : "Nobody has started the record's draft yet."}
          </p>
          {data.viewer.canEdit && !data.project.recorded ? (
            <StartDraftButton projectId={projectId} slug={slug} status={data.project.status} />
          ) : null}
        </div>
      ) : (
        <>
          {discarded ? (
            <section
              aria-labelledby="draft-discarded"
              className="space-y-2 rounded-lg border border-warning/30 bg-warning/5 px-4 py-3 text-sm"
            >
              <h2
                id="draft-discarded"
                ref={notice}
                tabIndex={-1}
                className="font-semibold text-base outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                This draft was discarded
              </h2>
              <p>
                {draft.discardedBy ? `${draft.discardedBy} discarded it` : "It was discarded"}
                {draft.discardedAt ? ` on ${dateTime.format(new Date(draft.discardedAt))}` : ""}. It
                is read-only and is not the decision's record.
                {data.project.recorded
                  ? " The decision was recorded from the record form."
                  : " Record the decision from the record form, or start a new draft."}
              </p>
              {data.project.recorded ? null : (
                <div className="flex flex-wrap gap-2">
                  {data.viewer.canManage ? (
                    <Link
                      className={buttonVariants({ variant: "outline" })}
                      href={`${projectUrl}/record`}
                    >
                      Record the decision
                    </Link>
                  ) : null}
                  {data.viewer.canEdit ? (
                    <StartDraftButton
                      projectId={projectId}
                      slug={slug}
                      status={data.project.status}
                    />
                  ) : null}
                </div>
              )}
            </section>
          ) : null}
          {data.viewer.canManage && draft.status === "PROPOSED" ? (
            <div className="flex flex-wrap items-center gap-3">
              <DiscardDraftButton projectId={projectId} onDiscarded={() => setFocusNotice(true)} />
              <p className="text-muted-foreground text-sm">
                If this draft should not become the record, discard it to record from the form.
              </p>
            </div>
          ) : null}
          <DraftFieldsForm data={data} />
          {discarded || newDraft || !textSlot ? (
            <DraftTextView text={draft.text} />
          ) : (
            <DraftStatusContext value={draft.status}>{textSlot}</DraftStatusContext>
          )}
          <ReviewPanel data={data} renderedReason={renderedReason} />
          {data.viewer.canOverride && draft.status === "PROPOSED" ? (
            <ApprovalRuleSetting projectId={projectId} rule={data.project.approvalRule} />
          ) : (
            <p className="text-muted-foreground text-sm">
              Approval rule:{" "}
              {data.project.approvalRule === "ALL"
                ? "every decision-maker approves"
                : "a majority of the decision-makers approve"}
              .
            </p>
          )}
          {data.viewer.canManage && draft.status === "PROPOSED" ? (
            <ShareBeforeAcceptance projectId={projectId} shared={draft.sharedBeforeAcceptance} />
          ) : null}
          <DraftComments data={data} />
        </>
      )}
    </div>
  );
}

function ShareBeforeAcceptance({ projectId, shared }: { projectId: string; shared: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const set = useMutation(
    trpc.draft.setSharing.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.draft.pathFilter()),
    }),
  );
  return (
    <label className="flex min-h-11 items-center gap-2 text-sm">
      <input
        type="checkbox"
        className="size-5"
        checked={shared}
        disabled={set.isPending}
        onChange={(e) => set.mutate({ projectId, sharedBeforeAcceptance: e.target.checked })}
      />
      Show this draft through share links before it is accepted
    </label>
  );
}
