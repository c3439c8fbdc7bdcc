"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { isAdmin, type TeamSummary } from "~/components/team/roles";
import { Section } from "~/components/team/section";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { toast } from "~/components/ui/toaster";
import { fieldErrorsOf, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

export function TeamNameForm({ team }: { team: TeamSummary }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const rename = useMutation(
    trpc.team.rename.mutationOptions({
      onSuccess(renamed) {
        toast.success(`Team renamed to “${renamed.name}”.`);
        router.refresh();
        // The audit trail on this page records the new name.
        return queryClient.invalidateQueries(trpc.audit.list.pathFilter());
      },
    }),
  );
  const fields = fieldErrorsOf(rename.error);
  const general = rename.error && !fields.name ? messageOf(rename.error) : null;
  const canEdit = isAdmin(team.role);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    rename.mutate({ teamId: team.id, name });
  }

  return (
    <Section id="team-name" title="Name">
      {general ? <Alert variant="error">{general}</Alert> : null}
      <form onSubmit={onSubmit} className="flex max-w-lg flex-wrap items-end gap-3" noValidate>
        <FormField label="Team name" error={fields.name?.[0]} className="min-w-60 flex-1">
          <Input name="name" defaultValue={team.name} readOnly={!canEdit} required />
        </FormField>
        {canEdit ? (
          <Button type="submit" variant="secondary" loading={rename.isPending}>
            Save name
          </Button>
        ) : null}
      </form>
    </Section>
  );
}
