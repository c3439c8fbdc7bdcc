"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { formErrorsOf } from "~/trpc/errors";
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
    <Card>
      <CardHeader>
        <CardTitle as="h2">Join with an invitation link</CardTitle>
        <CardDescription>
          A team admin can send you one from the team&apos;s Members page. Paste all of it here.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {general ? <Alert variant="error">{general}</Alert> : null}
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
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
        </form>
      </CardContent>
    </Card>
  );
}
