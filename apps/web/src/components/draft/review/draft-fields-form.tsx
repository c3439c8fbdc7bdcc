"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toaster";
import { linesIn, namesIn, namesText } from "~/lib/list-fields";
import { type FieldErrors, fieldErrorsOf, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { type DraftPageData, dateTime } from "./types";

const FIELD_WORDS: Record<string, string> = {
  chosenOptionKey: "the chosen option",
  decisionMakers: "the decision-makers",
  consulted: "consulted",
  informed: "informed",
  reviewDate: "the review date",
  links: "links",
};

const splitNames = (text: string) => namesIn(text).map((name) => ({ name }));

/** The lists of people named by hand, in the record's order. */
const NAMED_BY_HAND = [
  { name: "consulted", label: "Consulted" },
  { name: "informed", label: "Informed" },
] as const;

/**
 * People named by hand, as names separated by commas (Consulted, Informed). Keyed by the stored
 * names, so a teammate's saved change replaces what the field shows.
 */
function NamesField({
  label,
  name,
  people,
  error,
  disabled,
}: {
  label: string;
  name: "consulted" | "informed";
  people: { name: string }[];
  error: string | undefined;
  disabled: boolean;
}) {
  const stored = namesText(people);
  return (
    <FormField label={label} description="Names, separated by commas." error={error}>
      <Input key={stored} name={name} defaultValue={stored} disabled={disabled} />
    </FormField>
  );
}

/** "Label https://..." per line. */
const linksText = (links: { label: string; url: string }[]) =>
  links.map((l) => `${l.label} ${l.url}`).join("\n");
const parseLinks = (text: string) =>
  linesIn(text).map((line) => {
    const at = line.search(/https?:\/\/\S+$/);
    return at > 0
      ? { label: line.slice(0, at).trim(), url: line.slice(at) }
      : { label: line, url: line };
  });

/**
 * The draft's structured fields: an ordinary form, saved together. When someone else changed
 * a field, the form shows their values and says who did it.
 */
export function DraftFieldsForm({ data }: { data: DraftPageData }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const draft = data.draft;
  const members = useQuery(trpc.member.list.queryOptions({ teamId: data.project.teamId }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation(
    trpc.draft.updateFields.mutationOptions({
      onSuccess: () => {
        setErrors({});
        setFormError(null);
        toast.success("Fields saved.");
        void queryClient.invalidateQueries(trpc.draft.pathFilter());
      },
      onError: (error) => {
        setErrors(fieldErrorsOf(error));
        setFormError(messageOf(error));
      },
    }),
  );
  if (!draft) return null;
  const readOnly = !data.viewer.canEdit || draft.status !== "PROPOSED";
  const changedBy = draft.fieldsChangedBy;
  const reviewers = (members.data ?? []).filter((m) => m.role !== "VIEWER");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    save.mutate({
      projectId: data.project.id,
      chosenOptionKey: text("chosenOptionKey") || null,
      decisionMakers: form.getAll("decisionMakers").map((id) => ({ userId: String(id), name: "" })),
      consulted: splitNames(text("consulted")),
      informed: splitNames(text("informed")),
      // The date input's own YYYY-MM-DD, as the server reads it (midnight UTC).
      reviewDate: text("reviewDate") || null,
      links: parseLinks(text("links")),
    });
  }
  const err = (name: string) => errors[name]?.[0];

  return (
    <section aria-labelledby="draft-fields" className="space-y-3">
      <h2 id="draft-fields" className="font-semibold text-lg">
        Fields
      </h2>
      {changedBy && changedBy.userId !== data.viewer.userId ? (
        <Alert variant="info" data-testid="fields-changed-by">
          Changed by {changedBy.name} ({changedBy.fields.map((f) => FIELD_WORDS[f] ?? f).join(", ")}
          ), {dateTime.format(new Date(changedBy.at))}.
        </Alert>
      ) : null}
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {/*
        Each control is keyed by its own stored value: a teammate's saved change replaces that
        field only, and what the reader is typing in the others stays.
      */}
      <form onSubmit={onSubmit} className="grid gap-4" aria-label="The draft's fields">
        <FormField label="Chosen option" error={err("chosenOptionKey")}>
          {(control) => (
            <select
              {...control}
              key={draft.chosenOptionKey ?? ""}
              name="chosenOptionKey"
              defaultValue={draft.chosenOptionKey ?? ""}
              disabled={readOnly}
              className="h-11 w-full min-w-0 rounded-md border border-input bg-background px-3 text-sm"
            >
              <option value="">Not chosen yet</option>
              {data.project.options.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {/* The refusal is part of the group's description, so a screen reader says it too. */}
        <fieldset
          className="grid gap-1.5"
          aria-describedby={err("decisionMakers") ? "dm-help dm-error" : "dm-help"}
          aria-invalid={err("decisionMakers") ? true : undefined}
        >
          <legend className="font-medium text-sm">Decision-makers</legend>
          <p id="dm-help" className="text-muted-foreground text-sm">
            They approve the record or request changes. Name at least one. A change to the draft
            after an approval, to its text or to these fields, asks for it again.
          </p>
          {err("decisionMakers") ? (
            <p id="dm-error" className="text-destructive text-sm">
              {err("decisionMakers")}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-x-4">
            {reviewers.map((m) => {
              const chosen = draft.decisionMakers.some((p) => p.userId === m.id);
              // A member cannot add themselves, nor remove the others (either way they could
              // approve alone); the decision's creator and admins can. Someone already named may
              // stay or step down.
              const self = m.id === data.viewer.userId;
              const selfLocked = self && !chosen && !data.viewer.canManage;
              const othersLocked = !self && chosen && !data.viewer.canManage;
              return (
                <label key={m.id} className="flex min-h-11 items-center gap-2 text-sm">
                  <input
                    key={String(chosen)}
                    type="checkbox"
                    name="decisionMakers"
                    value={m.id}
                    disabled={readOnly || selfLocked || othersLocked}
                    defaultChecked={chosen}
                    className="size-5"
                  />
                  {/* A disabled box is not sent: the one named stays named. */}
                  {othersLocked && !readOnly ? (
                    <input type="hidden" name="decisionMakers" value={m.id} />
                  ) : null}
                  {m.name ?? m.email}
                  {selfLocked ? (
                    <span className="text-muted-foreground">
                      (you: the decision's creator or an admin can name you)
                    </span>
                  ) : null}
                  {othersLocked && !readOnly ? (
                    <span className="text-muted-foreground">
                      (the decision's creator or an admin can remove them)
                    </span>
                  ) : null}
                </label>
              );
            })}
          </div>
        </fieldset>
        {NAMED_BY_HAND.map(({ name, label }) => (
          <NamesField
            key={name}
            label={label}
            name={name}
            people={draft[name]}
            error={err(name)}
            disabled={readOnly}
          />
        ))}
        <FormField label="Review date" error={err("reviewDate")}>
          <Input
            key={draft.reviewDate ?? ""}
            type="date"
            name="reviewDate"
            defaultValue={draft.reviewDate?.slice(0, 10) ?? ""}
            disabled={readOnly}
          />
        </FormField>
        <FormField
          label="Links"
          description="One per line: a label, then the address (https://...)."
          error={err("links")}
        >
          <Textarea
            key={linksText(draft.links)}
            name="links"
            rows={3}
            defaultValue={linksText(draft.links)}
            disabled={readOnly}
          />
        </FormField>
        {readOnly ? null : (
          <Button type="submit" loading={save.isPending} className="w-fit">
            Save fields
          </Button>
        )}
      </form>
    </section>
  );
}
