"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { Textarea } from "~/components/ui/textarea";
import { dropRefusalOnEdit, formErrorsOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { type DraftPageData, dateTime, TEXT_FIELDS } from "./types";

/** Comments on the draft, each optionally anchored to a quoted passage of a text field. */
export function DraftComments({ data }: { data: DraftPageData }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formKey, setFormKey] = useState(0);
  const refresh = () => queryClient.invalidateQueries(trpc.draft.pathFilter());
  const add = useMutation(
    trpc.draft.comment.mutationOptions({
      onSuccess: () => {
        setFormKey((k) => k + 1);
        void refresh();
      },
    }),
  );
  const { fields, general } = formErrorsOf(add.error);
  const resolve = useMutation(
    trpc.draft.resolveComment.mutationOptions({ onSuccess: () => void refresh() }),
  );
  const draft = data.draft;
  if (!draft) return null;
  // A discarded draft keeps its comments to read, and takes no more.
  const discarded = draft.status === "DISCARDED";
  const label = (field: string | null) => TEXT_FIELDS.find((f) => f.key === field)?.label;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = String(form.get("field") ?? "");
    add.mutate({
      projectId: data.project.id,
      body: String(form.get("body") ?? ""),
      field: (field || null) as (typeof TEXT_FIELDS)[number]["key"] | null,
      quote: String(form.get("quote") ?? "") || null,
    });
  }

  return (
    <section aria-labelledby="draft-comments" className="space-y-3">
      <h2 id="draft-comments" className="font-semibold text-lg">
        Comments
      </h2>
      {draft.comments.length ? (
        <ul className="space-y-2">
          {draft.comments.map((c) => (
            <li key={c.id} className="rounded-md border p-2 text-sm">
              <p className="text-muted-foreground">
                {c.author?.name ?? "A former member"}, {dateTime.format(new Date(c.at))}
                {c.field ? ` on ${label(c.field)}` : ""}
                {c.resolved ? " (resolved)" : ""}
              </p>
              {c.quote ? (
                <blockquote className="my-1 border-l-2 pl-2 italic">{c.quote}</blockquote>
              ) : null}
              <p className="whitespace-pre-wrap">{c.body}</p>
              {data.viewer.canEdit && !discarded ? (
                <Button
                  variant="link"
                  size="sm"
                  onClick={() =>
                    resolve.mutate({
                      projectId: data.project.id,
                      commentId: c.id,
                      resolved: !c.resolved,
                    })
                  }
                >
                  {c.resolved ? "Reopen" : "Resolve"}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted-foreground text-sm">No comments yet.</p>
      )}
      {discarded ? null : (
        <>
          {general ? <Alert variant="error">{general}</Alert> : null}
          {/* An edit drops the last refusal: it no longer describes what the form holds. */}
          <form
            key={formKey}
            onSubmit={onSubmit}
            onInput={dropRefusalOnEdit(add)}
            className="grid gap-2"
            aria-label="Add a comment"
          >
            <FormField label="Comment" error={fields.body?.[0]} required>
              <Textarea name="body" rows={2} required />
            </FormField>
            <div className="grid gap-2 sm:grid-cols-2">
              <FormField label="On the field (optional)" error={fields.field?.[0]}>
                {(control) => (
                  <select
                    {...control}
                    name="field"
                    className="h-11 w-full min-w-0 rounded-md border border-input bg-background px-3 text-sm"
                  >
                    <option value="">The whole draft</option>
                    {TEXT_FIELDS.map((f) => (
                      <option key={f.key} value={f.key}>
                        {f.label}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label="Quoted passage (optional)" error={fields.quote?.[0]}>
                <Input name="quote" />
              </FormField>
            </div>
            <Button type="submit" variant="secondary" className="w-fit" loading={add.isPending}>
              Comment
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
