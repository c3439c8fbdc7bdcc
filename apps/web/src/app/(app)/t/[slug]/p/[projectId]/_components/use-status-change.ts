"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { toastOutcome } from "~/trpc/toast-outcome";

/**
 * The mutation callbacks of a change to the project's status (open, close, reopen, archive):
 * a toast, and a refresh of the project, its recommendation and who voted; a failure is a toast.
 */
export function useStatusChange(projectId: string, done: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return toastOutcome(done, () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.project.get.queryKey({ projectId }) }),
      queryClient.invalidateQueries({
        queryKey: trpc.project.recommendation.queryKey({ projectId }),
      }),
      queryClient.invalidateQueries({
        queryKey: trpc.project.participation.queryKey({ projectId }),
      }),
    ]),
  );
}
