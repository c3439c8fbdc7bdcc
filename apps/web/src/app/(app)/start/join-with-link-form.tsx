"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { FormCard } from "~/components/app/form-card";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { dropRefusalOnEdit, formErrorsOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/**
 * Paste an invitation link: the server checks where it leads and whether it still works, then
 * the invitation's own page asks to join (or opens the team for someone already in it).
 */
export function JoinWithLinkForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const readLink = useMutation(
    trpc.invitation.readLink.mutationOptions({
      onSuccess(result) {
        router.push(
          result.alreadyMember && result.teamSlug ? `/t/${result.teamSlug}` : result.path,
        );
      },
    }),
  );
  const { fields, general } = formErrorsOf(readLink.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    readLink.mutate({ link: String(new FormData(event.currentTarget).get("link") ?? "") });
  }

  return (
    <FormCard
      title="Join with an invitation link"
      heading="h2"
      description="A team admin can send you one from the team's Members page. Paste all of it here."
      general={general}
      onSubmit={onSubmit}
      onEdit={dropRefusalOnEdit(readLink)}
    >
      <FormField label="Invitation link" required error={fields.link?.[0]}>
        <Input
          name="link"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://…/invite/…"
          required
        />
      </FormField>
      <Button type="submit" variant="secondary" loading={readLink.isPending}>
        Check the link
      </Button>
    </FormCard>
  );
}
