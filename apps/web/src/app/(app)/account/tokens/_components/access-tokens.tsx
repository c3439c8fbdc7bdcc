"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { type FormEvent, useRef, useState } from "react";
import { ActionsTable } from "~/components/app/actions-table";
import { NextPageButton } from "~/components/app/next-page-button";
import { ShownOnce } from "~/components/app/shown-once";
import { Alert } from "~/components/ui/alert";
import { ConfirmDialog } from "~/components/ui/alert-dialog";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { newIdempotencyKey } from "~/lib/idempotency-key";
import { fieldErrorsOf, isTRPCClientError, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { toastOutcome } from "~/trpc/toast-outcome";

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** Create (shown once), list and revoke the signed-in person's tokens. */
export function AccessTokens({
  initialTokens,
}: {
  /** The tokens as the server rendered them: the table is there from the first paint. */
  initialTokens?: RouterOutputs["token"]["list"] | undefined;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Every active token, and the revoked ones a page at a time (most recently revoked first).
  const tokens = useInfiniteQuery({
    ...trpc.token.list.infiniteQueryOptions(
      {},
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    ...(initialTokens ? { initialData: { pages: [initialTokens], pageParams: [null] } } : {}),
  });
  const active = tokens.data?.pages[0]?.active ?? [];
  const revoked = tokens.data?.pages.flatMap((page) => page.revoked) ?? [];
  const revokedTotal = tokens.data?.pages[0]?.revokedTotal ?? 0;
  const [created, setCreated] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  // Why the last creation was refused, in words, next to the form (a toast is gone too soon).
  const [createError, setCreateError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.token.list.pathFilter());
  const nameInput = useRef<HTMLInputElement>(null);
  // The key of this attempt: a retry after a lost answer sends it again, and the server says the
  // token exists (its secret cannot be shown twice) instead of creating a second one. A new key
  // once the attempt is answered either way.
  const attemptKey = useRef<string | null>(null);
  const create = useMutation(
    trpc.token.create.mutationOptions({
      onSuccess: async (token) => {
        attemptKey.current = null;
        setCreated(token.token);
        // The name went with the token: the field is ready for the next one.
        if (nameInput.current) nameInput.current.value = "";
        await refresh();
      },
      onError: async (error) => {
        const field = fieldErrorsOf(error).name?.[0];
        // Said once, next to the form: on the name field, or above the list.
        setNameError(field);
        setCreateError(field ? null : messageOf(error));
        // A token the attempt already created shows up in the list, with its Revoke button.
        if (isTRPCClientError(error) && error.data?.code === "CONFLICT") {
          attemptKey.current = null;
          await refresh();
        }
      },
    }),
  );
  const revoke = useMutation(
    trpc.token.revoke.mutationOptions(
      toastOutcome("Token revoked: it stops working at once.", refresh),
    ),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = Number(form.get("days") || 0);
    // One request at a time: a second press while the first is on its way is not another token.
    if (create.isPending) return;
    setCreated(null);
    setNameError(undefined);
    setCreateError(null);
    attemptKey.current ??= newIdempotencyKey();
    create.mutate({
      name: String(form.get("name") ?? ""),
      scope: form.get("scope") === "READ_WRITE" ? "READ_WRITE" : "READ",
      expiresInDays: days > 0 ? days : null,
      idempotencyKey: attemptKey.current,
    });
  }

  return (
    <div className="space-y-6">
      <form
        onSubmit={submit}
        className="grid gap-4 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end"
        aria-label="Create a token"
      >
        <FormField label="Name" error={nameError} required>
          <Input ref={nameInput} name="name" placeholder="Laptop CLI" />
        </FormField>
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">Scope</legend>
          <label className="flex min-h-11 items-center gap-2 sm:min-h-0">
            <input type="radio" name="scope" value="READ" defaultChecked /> Read
          </label>
          <label className="flex min-h-11 items-center gap-2 sm:min-h-0">
            <input type="radio" name="scope" value="READ_WRITE" /> Read and write decisions
          </label>
        </fieldset>
        <FormField label="Expires after (days)">
          <Input name="days" type="number" min={1} max={366} placeholder="never" className="w-28" />
        </FormField>
        <Button type="submit" loading={create.isPending}>
          Create token
        </Button>
      </form>
      {createError ? (
        <Alert variant="error" title="The token was not created" data-testid="token-error">
          {createError}
        </Alert>
      ) : null}
      {created ? (
        <ShownOnce
          title="Copy your token now: it will not be shown again."
          value={created}
          label="New token"
          data-testid="new-token"
        />
      ) : null}
      <ActionsTable label="Your access tokens" columns={["Name", "Scope", "Last used", "Expires"]}>
        {active.map((t) => (
          <tr key={t.id} className="border-t">
            <td className="py-2">
              {t.name} <code className="text-muted-foreground">{t.prefix}…</code>
            </td>
            <td>{t.scope === "READ" ? "Read" : "Read and write"}</td>
            <td>{t.lastUsedAt ? dateTime.format(new Date(t.lastUsedAt)) : "Never"}</td>
            <td>{t.expiresAt ? dateTime.format(new Date(t.expiresAt)) : "Never"}</td>
            <td className="text-right">
              <ConfirmDialog
                trigger={
                  <Button size="sm" variant="ghost">
                    Revoke<span className="sr-only"> the token “{t.name}”</span>
                  </Button>
                }
                title={`Revoke “${t.name}”?`}
                description="Scripts and command lines using it stop working at once."
                confirmLabel="Revoke"
                pending={revoke.isPending}
                onConfirm={() => revoke.mutate({ tokenId: t.id })}
              />
            </td>
          </tr>
        ))}
      </ActionsTable>
      {active.length === 0 ? (
        <p className="text-muted-foreground text-sm">
          {revokedTotal === 0 ? "No tokens yet." : "No active tokens."}
        </p>
      ) : null}
      {revokedTotal > 0 ? (
        <details className="space-y-3" data-testid="revoked-tokens">
          <summary className="cursor-pointer text-sm">
            Revoked tokens ({revokedTotal}): they no longer work
          </summary>
          <ul className="space-y-1 text-muted-foreground text-sm">
            {revoked.map((t) => (
              <li key={t.id}>
                {t.name} <code>{t.prefix}…</code>, revoked{" "}
                {t.revokedAt ? dateTime.format(new Date(t.revokedAt)) : ""}
              </li>
            ))}
          </ul>
          <NextPageButton pages={tokens}>
            Show older revoked tokens ({revoked.length} of {revokedTotal} shown)
          </NextPageButton>
        </details>
      ) : null}
    </div>
  );
}
