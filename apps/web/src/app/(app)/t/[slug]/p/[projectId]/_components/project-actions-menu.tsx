"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactElement, useRef, useState } from "react";
import { TitledDialog } from "~/components/app/titled-dialog";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { DialogFooter } from "~/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "~/components/ui/dropdown-menu";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { toast } from "~/components/ui/toaster";
import { dropRefusalOnEdit, fieldErrorsOf, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useStatusChange } from "./use-status-change";

/** The project's "More actions" menu and its dialog; loaded by ProjectHeader on demand. */
export function ProjectActionsMenu({
  trigger,
  defaultOpen,
  projectId,
  title,
  canArchive,
  recorded,
}: {
  trigger: ReactElement;
  defaultOpen: boolean;
  projectId: string;
  title: string;
  /** Offered only to managers of a project that is not archived yet. */
  canArchive: boolean;
  /** A recorded decision is deprecated when archived; anything else is a proposal rejected. */
  recorded: boolean;
}) {
  const [saveOpen, setSaveOpen] = useState(false);
  // The dialog's menu item is gone once the dialog closes: focus returns to the menu's button.
  const menuButton = useRef<HTMLButtonElement>(null);
  const trpc = useTRPC();
  const archive = useMutation(
    trpc.project.archive.mutationOptions(
      useStatusChange(
        projectId,
        recorded
          ? "Marked deprecated: the decision is no longer followed."
          : "Rejected: closed without a decision.",
      ),
    ),
  );
  return (
    <>
      <DropdownMenu defaultOpen={defaultOpen}>
        <DropdownMenuTrigger asChild ref={menuButton}>
          {trigger}
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setSaveOpen(true)}>
            Save as team template
          </DropdownMenuItem>
          {canArchive ? (
            <DropdownMenuItem onSelect={() => archive.mutate({ projectId })}>
              {recorded ? "Mark deprecated" : "Reject proposal"}
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      <SaveTemplateDialog
        projectId={projectId}
        title={title}
        open={saveOpen}
        onOpenChange={setSaveOpen}
        returnFocus={() => menuButton.current?.focus()}
      />
    </>
  );
}

function SaveTemplateDialog({
  projectId,
  title,
  open,
  onOpenChange,
  returnFocus,
}: {
  projectId: string;
  title: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where the keyboard goes when the dialog closes (it was opened from a menu item). */
  returnFocus: () => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(
    trpc.project.saveAsTemplate.mutationOptions({
      onSuccess(template) {
        toast.success(`Saved “${template.name}” as a team template.`);
        onOpenChange(false);
      },
    }),
  );
  const fields = fieldErrorsOf(save.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    save.mutate({
      projectId,
      name: String(data.get("name") ?? ""),
      description: String(data.get("description") ?? ""),
    });
  }
  return (
    <TitledDialog
      open={open}
      onOpenChange={(next) => {
        // Opened again, the dialog starts afresh: the last refusal went with it.
        if (!next) save.reset();
        onOpenChange(next);
      }}
      onCloseAutoFocus={(event) => {
        event.preventDefault();
        returnFocus();
      }}
      title="Save as team template"
      description="The options and criteria (with guidance and anchors) become a starting point for the team's next decisions. Votes are not included."
    >
      {/* An edit drops the last refusal: it no longer describes what the form holds. */}
      <form onSubmit={onSubmit} onInput={dropRefusalOnEdit(save)} className="space-y-4" noValidate>
        {save.error && Object.keys(fields).length === 0 ? (
          <Alert variant="error">{messageOf(save.error)}</Alert>
        ) : null}
        <FormField label="Template name" required error={fields.name?.[0]}>
          <Input name="name" defaultValue={title} required />
        </FormField>
        <FormField label="Description" error={fields.description?.[0]}>
          <Input name="description" />
        </FormField>
        <DialogFooter>
          <Button type="submit" loading={save.isPending}>
            Save template
          </Button>
        </DialogFooter>
      </form>
    </TitledDialog>
  );
}
