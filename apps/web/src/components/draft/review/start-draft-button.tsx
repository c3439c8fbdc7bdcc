"use client";

import { useMutation } from "@tanstack/react-query";
import { PenLine } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toaster";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/**
 * "Start the record draft": members, once voting has opened. Starting is idempotent, so a
 * draft someone else started is opened instead; a discarded draft is replaced by a new one.
 */
export function StartDraftButton({
  projectId,
  slug,
  status,
}: {
  projectId: string;
  slug: string;
  status: "DRAFT" | "OPEN" | "DECIDED" | "SUPERSEDED" | "ARCHIVED";
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(
    trpc.draft.start.mutationOptions({
      onSuccess: () => {
        router.push(`/t/${slug}/p/${projectId}/draft`);
        // From the draft page itself (a discarded draft started again): show the new draft.
        router.refresh();
      },
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  if (status !== "OPEN" && status !== "DECIDED") return null;
  return (
    <Button variant="outline" loading={start.isPending} onClick={() => start.mutate({ projectId })}>
      <PenLine aria-hidden="true" /> Start the record draft
    </Button>
  );
}
