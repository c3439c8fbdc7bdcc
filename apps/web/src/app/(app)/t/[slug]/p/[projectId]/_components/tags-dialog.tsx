"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactElement, useId, useState } from "react";
import { TitledDialog } from "~/components/app/titled-dialog";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { DialogFooter } from "~/components/ui/dialog";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { toast } from "~/components/ui/toaster";
import { fieldErrorsOf, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/** Tags as typed: separated by commas or spaces, blanks left out (the API lower-cases them). */
const splitTags = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/**
 * Edits a project's tags (labels such as security or data-model, written to MADR's front
 * matter and log4brains' Tags line). ProjectHeader loads it when the button is reached for.
 */
export function TagsDialog({
  projectId,
  teamId,
  tags,
  trigger,
  defaultOpen,
}: {
  projectId: string;
  teamId: string;
  tags: string[];
  trigger: ReactElement;
  defaultOpen: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(defaultOpen);
  const known = useQuery({ ...trpc.tag.list.queryOptions({ teamId }), enabled: open });
  const save = useMutation(
    trpc.tag.set.mutationOptions({
      async onSuccess(saved) {
        toast.success(saved.tags.length ? `Tags: ${saved.tags.join(", ")}.` : "Tags removed.");
        setOpen(false);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.project.get.queryKey({ projectId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.tag.list.queryKey({ teamId }) }),
        ]);
      },
    }),
  );
  const fields = fieldErrorsOf(save.error);
  const tagError = Object.entries(fields).find(([key]) => key.startsWith("tags"))?.[1]?.[0];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("tags") ?? "");
    save.mutate({ projectId, tags: splitTags(text) });
  }

  return (
    <TitledDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) save.reset();
      }}
      trigger={trigger}
      title="Tags"
      description="Labels for finding this decision in the team's list and in exported records (MADR's front matter, log4brains' Tags). Lower-case letters, digits and dashes, separated by commas or spaces; at most 20."
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        {save.error && !tagError ? <Alert variant="error">{messageOf(save.error)}</Alert> : null}
        <FormField label="Tags" error={tagError}>
          <Input
            name="tags"
            defaultValue={tags.join(", ")}
            placeholder="security, data-model"
            autoComplete="off"
            list={`${id}-known`}
          />
        </FormField>
        <datalist id={`${id}-known`}>
          {(known.data ?? []).map((t) => (
            <option key={t.tag} value={t.tag} />
          ))}
        </datalist>
        <DialogFooter>
          <Button type="submit" loading={save.isPending}>
            Save tags
          </Button>
        </DialogFooter>
      </form>
    </TitledDialog>
  );
}
