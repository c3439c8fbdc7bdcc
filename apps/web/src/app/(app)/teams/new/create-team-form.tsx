"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef } from "react";
import { FormCard } from "~/components/app/form-card";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { toast } from "~/components/ui/toaster";
import { newIdempotencyKey } from "~/lib/idempotency-key";
import { dropRefusalOnEdit, formErrorsOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/** `heading` "h2" when the form is one of several choices on a page (the first sign-in). */
export function CreateTeamForm({
  heading = "h1",
  title = "Create a team",
}: {
  heading?: "h1" | "h2";
  title?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  // The key of this submission: a second click or a retry after a lost answer sends it again,
  // and the server answers the team it already created. A new one once it is created.
  const submissionKey = useRef<string | null>(null);
  const createTeam = useMutation(
    trpc.team.create.mutationOptions({
      onSuccess(team) {
        submissionKey.current = null;
        toast.success(`Team “${team.name}” created.`);
        router.push(`/t/${team.slug}`);
        router.refresh();
      },
    }),
  );
  const { fields, general } = formErrorsOf(createTeam.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submissionKey.current ??= newIdempotencyKey();
    createTeam.mutate({
      name: String(new FormData(event.currentTarget).get("name") ?? ""),
      idempotencyKey: submissionKey.current,
    });
  }

  return (
    <FormCard
      title={title}
      heading={heading}
      description="A team is where decisions happen: you invite people, open decision projects and vote together."
      general={general}
      onSubmit={onSubmit}
      onEdit={dropRefusalOnEdit(createTeam)}
    >
      <FormField
        label="Team name"
        required
        error={fields.name?.[0]}
        description="Up to 80 characters."
      >
        <Input
          name="name"
          autoComplete="off"
          placeholder="Billing platform"
          required
          autoFocus={heading === "h1"}
        />
      </FormField>
      <Button type="submit" loading={createTeam.isPending}>
        Create team
      </Button>
    </FormCard>
  );
}
