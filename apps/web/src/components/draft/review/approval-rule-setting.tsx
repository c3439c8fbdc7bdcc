"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { FormField } from "~/components/ui/form-field";
import { toast } from "~/components/ui/toaster";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/** The project's approval rule for its record draft: every decision-maker, or a majority (admins). */
export function ApprovalRuleSetting({
  projectId,
  rule,
  disabled = false,
}: {
  projectId: string;
  rule: "ALL" | "MAJORITY";
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  // Shown at once; put back if saving fails (the edit page is not refreshed by the draft's query).
  const [shown, setShown] = useState(rule);
  const save = useMutation(
    trpc.draft.setApprovalRule.mutationOptions({
      onSuccess: () => {
        setError(null);
        toast.success("Approval rule saved.");
        void queryClient.invalidateQueries(trpc.draft.pathFilter());
      },
      onError: (e) => {
        setShown(rule);
        setError(messageOf(e));
      },
    }),
  );
  return (
    <div className="grid gap-2">
      <FormField
        label="Who must approve the record"
        description="The record's draft is accepted once these approvals are given."
      >
        {(control) => (
          <select
            {...control}
            value={shown}
            disabled={disabled || save.isPending}
            onChange={(e) => {
              const approvalRule = e.target.value as "ALL" | "MAJORITY";
              setShown(approvalRule);
              save.mutate({ projectId, approvalRule });
            }}
            className="h-11 w-fit rounded-md border border-input bg-background px-3 text-sm"
          >
            <option value="ALL">Every decision-maker</option>
            <option value="MAJORITY">A majority of the decision-makers</option>
          </select>
        )}
      </FormField>
      {error ? <Alert variant="error">{error}</Alert> : null}
    </div>
  );
}
