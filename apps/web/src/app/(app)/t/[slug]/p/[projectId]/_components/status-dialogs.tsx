"use client";

import { useMutation } from "@tanstack/react-query";
import type { ReactElement } from "react";
import { ConfirmDialog } from "~/components/ui/alert-dialog";
import { useTRPC } from "~/trpc/react";
import { useStatusChange } from "./use-status-change";

/** The changes to a project's status that a confirmation guards: what each says and does. */
const STATUS_CHANGES = {
  open: {
    title: "Open this decision for voting?",
    description: () => "Members can vote at once. Options and criteria can no longer change.",
    confirmLabel: "Open voting",
    done: "Voting is open.",
  },
  close: {
    title: "Close voting now?",
    description: (blind: boolean) =>
      blind
        ? "Votes stop and everyone's votes and the totals become visible to the team."
        : "Votes stop and the current result is the team's recommendation.",
    confirmLabel: "Close voting",
    done: "Voting is closed.",
  },
  reopen: {
    title: "Reopen for another round?",
    description: () =>
      "This round's votes and result are kept as a frozen snapshot; votes carry over and members can change them.",
    confirmLabel: "Reopen",
    done: "Reopened as a new round.",
  },
} as const;

export type StatusChange = keyof typeof STATUS_CHANGES;

/**
 * Opening, closing and reopening voting: the confirmation with its request. ProjectHeader loads
 * it when someone reaches for one of its buttons (see Deferred).
 */
export function StatusChangeDialog({
  change,
  projectId,
  blind = false,
  ...dialog
}: {
  change: StatusChange;
  projectId: string;
  /** Closing a blind vote reveals everyone's votes; the confirmation says so. */
  blind?: boolean;
  trigger: ReactElement;
  defaultOpen: boolean;
}) {
  const trpc = useTRPC();
  const { title, description, confirmLabel, done } = STATUS_CHANGES[change];
  const mutation = useMutation(
    trpc.project[change].mutationOptions(useStatusChange(projectId, done)),
  );
  return (
    <ConfirmDialog
      {...dialog}
      title={title}
      description={description(blind)}
      confirmLabel={confirmLabel}
      variant="primary"
      pending={mutation.isPending}
      onConfirm={() => mutation.mutate({ projectId })}
    />
  );
}
