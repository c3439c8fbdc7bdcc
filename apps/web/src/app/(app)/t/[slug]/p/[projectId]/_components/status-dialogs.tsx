"use client";

import { useMutation } from "@tanstack/react-query";
import type { ReactElement } from "react";
import { ConfirmDialog } from "~/components/ui/alert-dialog";
import { useTRPC } from "~/trpc/react";
import { useStatusChange } from "./use-status-change";

/**
 * Opening, closing and reopening voting: each confirmation with its request. ProjectHeader loads
 * them when someone reaches for one of its buttons (see Deferred).
 */
type Props = { projectId: string; trigger: ReactElement; defaultOpen: boolean };

export function OpenVotingDialog({ projectId, ...dialog }: Props) {
  const trpc = useTRPC();
  const open = useMutation(
    trpc.project.open.mutationOptions(useStatusChange(projectId, "Voting is open.")),
  );
  return (
    <ConfirmDialog
      {...dialog}
      title="Open this decision for voting?"
      description="Members can vote at once. Options and criteria can no longer change."
      confirmLabel="Open voting"
      variant="primary"
      pending={open.isPending}
      onConfirm={() => open.mutate({ projectId })}
    />
  );
}

export function CloseVotingDialog({ projectId, blind, ...dialog }: Props & { blind: boolean }) {
  const trpc = useTRPC();
  const close = useMutation(
    trpc.project.close.mutationOptions(useStatusChange(projectId, "Voting is closed.")),
  );
  return (
    <ConfirmDialog
      {...dialog}
      title="Close voting now?"
      description={
        blind
          ? "Votes stop and everyone's votes and the totals become visible to the team."
          : "Votes stop and the current result is the team's recommendation."
      }
      confirmLabel="Close voting"
      variant="primary"
      pending={close.isPending}
      onConfirm={() => close.mutate({ projectId })}
    />
  );
}

export function ReopenDialog({ projectId, ...dialog }: Props) {
  const trpc = useTRPC();
  const reopen = useMutation(
    trpc.project.reopen.mutationOptions(useStatusChange(projectId, "Reopened as a new round.")),
  );
  return (
    <ConfirmDialog
      {...dialog}
      title="Reopen for another round?"
      description="This round's votes and result are kept as a frozen snapshot; votes carry over and members can change them."
      confirmLabel="Reopen"
      variant="primary"
      pending={reopen.isPending}
      onConfirm={() => reopen.mutate({ projectId })}
    />
  );
}
