"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ProjectSubpageHeader } from "~/components/app/project-subpage-header";
import { Badge } from "~/components/ui/badge";
import { useTRPC } from "~/trpc/react";
import { DraftStatusContext } from "../draft-status";
import { ApprovalRuleSetting } from "./approval-rule-setting";
import { DraftComments } from "./draft-comments";
import { DraftFieldsForm } from "./draft-fields-form";
import { DraftTextView } from "./draft-text-view";
import { ReviewPanel } from "./review-panel";
import { StartDraftButton } from "./start-draft-button";
import type { DraftPageData } from "./types";
import { useDraftLive } from "./use-draft-live";

/**
 * The record draft page: its fields, its text (`textSlot`: the live editor where present, else
 * the stored text read-only), the review panel and comments, kept current by the live stream.
 */
export function DraftReviewPage({
  initial,
  slug,
  textSlot,
}: {
  initial: DraftPageData;
  slug: string;
  textSlot?: ReactNode;
}) {
  const trpc = useTRPC();
  const projectId = initial.project.id;
  const { data = initial } = useQuery(
    trpc.draft.get.queryOptions({ projectId }, { initialData: initial }),
  );
  useDraftLive(projectId);
  const draft = data.draft;
  const projectUrl = `/t/${slug}/p/${projectId}`;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <ProjectSubpageHeader
        projectUrl={projectUrl}
        title={`Record draft: ${data.project.title}`}
        badge={
          draft ? (
            <Badge
              variant={draft.status === "ACCEPTED" ? "success" : "neutral"}
              data-testid="draft-status"
            >
              {draft.status === "ACCEPTED" ? "Accepted" : "Proposed"}
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
          <DraftFieldsForm data={data} />
          {textSlot ? (
            <DraftStatusContext value={draft.status}>{textSlot}</DraftStatusContext>
          ) : (
            <DraftTextView text={draft.text} />
          )}
          <ReviewPanel data={data} />
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
