"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { type FieldErrors, FormProvider, useForm } from "react-hook-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toaster";
import { newIdempotencyKey } from "~/lib/idempotency-key";
import { formErrorsOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { CriteriaFields } from "./criteria-fields";
import { DecisionFields } from "./decision-fields";
import { type Draft, draftOf, mergeDrafts, toProjectInput } from "./draft";
import { OptionsFields } from "./options-fields";
import { type CheckedProjectForm, type ProjectFormValues, projectFormSchema } from "./schema";

export type Team = { id: string; slug: string; name: string };

/** The first message of a field, from the form's own checks or else from the server's answer. */
export type MessageOf = (field: string) => string | undefined;

function firstMessage(errors: FieldErrors, field: string): string | undefined {
  const error = errors[field];
  if (!error) return undefined;
  if (typeof error.message === "string" && error.message) return error.message;
  // A list's own message (too few items) sits on its root.
  const root = (error as { root?: { message?: string } }).root;
  return root?.message;
}

/**
 * The form of a decision's content and settings: creates a project, or saves a draft when
 * `editing` names one. One form state (react-hook-form), checked with the API's own schemas
 * before it is sent; the server's field messages show on the same fields. A draft is saved with
 * the version it was opened at: if someone else saved it meanwhile, the save is refused and the
 * form offers their version with what this editor typed kept on top.
 */
export function ProjectForm({
  team,
  initial,
  onBack,
  editing,
  onChange,
  onCreated,
}: {
  team: Team;
  initial: Draft;
  onBack: () => void;
  editing?: { projectId: string; updatedAt: string };
  /** Every change of the form's content, for a page that keeps what was typed. */
  onChange?: (draft: Draft) => void;
  /** Once the decision is created, before the page moves to it. */
  onCreated?: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<ProjectFormValues, unknown, CheckedProjectForm>({
    resolver: zodResolver(projectFormSchema),
    defaultValues: { ...initial, openNow: false },
  });
  const open = useMutation(trpc.project.open.mutationOptions());
  const update = useMutation(
    trpc.project.update.mutationOptions({
      async onSuccess(result) {
        await queryClient.invalidateQueries({
          queryKey: trpc.project.get.queryKey({ projectId: result.id }),
        });
        toast.success("Draft saved.");
        router.push(`/t/${team.slug}/p/${result.id}`);
        router.refresh();
      },
    }),
  );
  const create = useMutation(trpc.project.create.mutationOptions());
  useEffect(() => {
    if (!onChange) return;
    const { unsubscribe } = form.watch(() => {
      const { openNow: _, ...draft } = form.getValues();
      onChange(draft as Draft);
    });
    return unsubscribe;
  }, [form, onChange]);
  // The version the editor works on: the one opened, or the one loaded after a refused save.
  const [edited, setEdited] = useState(() => ({
    updatedAt: editing?.updatedAt,
    draft: initial,
  }));
  const [loadingTheirs, setLoadingTheirs] = useState(false);
  const [mergeNote, setMergeNote] = useState<string | null>(null);
  // The key of this submission: a second click or a retry after a lost answer sends it again,
  // and the server answers the decision it already created. A new one once it is created.
  const submissionKey = useRef<string | null>(null);
  const error = editing ? update.error : create.error;
  const { fields: server, general } = formErrorsOf(error);
  const stale = editing ? server.expectedUpdatedAt?.[0] : undefined;

  /** Loads the version someone else saved and puts what this editor changed on top of it. */
  const loadTheirs = async () => {
    if (!editing) return;
    setLoadingTheirs(true);
    try {
      const latest = await queryClient.fetchQuery({
        ...trpc.project.get.queryOptions({ projectId: editing.projectId }),
        staleTime: 0,
      });
      const theirs = draftOf(latest);
      const { openNow: _, ...mine } = form.getValues();
      const { merged, both } = mergeDrafts(edited.draft, mine as Draft, theirs);
      setEdited({ updatedAt: latest.updatedAt, draft: theirs });
      form.reset({ ...merged, openNow: false });
      update.reset();
      setMergeNote(
        both.length > 0
          ? `Loaded their version. You both changed the ${both.join(", ")}: yours is kept there, so compare before saving.`
          : "Loaded their version, with your changes kept on top. Check it, then save.",
      );
    } catch {
      toast.error("Their version could not be loaded. Try again in a moment.");
    } finally {
      setLoadingTheirs(false);
    }
  };
  const messageOf_: MessageOf = (field) =>
    firstMessage(form.formState.errors, field) ?? server[field]?.[0];

  const onSubmit = form.handleSubmit(async ({ openNow, ...draft }) => {
    const values = toProjectInput(draft);
    if (editing) {
      setMergeNote(null);
      update.mutate({
        projectId: editing.projectId,
        ...(edited.updatedAt ? { expectedUpdatedAt: edited.updatedAt } : {}),
        ...values,
      });
      return;
    }
    submissionKey.current ??= newIdempotencyKey();
    const project = await create
      .mutateAsync({
        teamId: team.id,
        templateKey: draft.templateKey,
        ...values,
        idempotencyKey: submissionKey.current,
      })
      .catch(() => null);
    if (!project) return;
    submissionKey.current = null;
    onCreated?.();
    if (openNow) {
      await open.mutateAsync({ projectId: project.id }).catch(() => {
        toast.error("The decision was created but could not be opened. Open it from its page.");
      });
    }
    toast.success("Decision created.");
    router.push(`/t/${team.slug}/p/${project.id}`);
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-6">
        {general ? <Alert variant="error">{general}</Alert> : null}
        {stale ? (
          <Alert
            variant="error"
            data-testid="stale-edit"
            action={
              <Button type="button" size="sm" onClick={loadTheirs} loading={loadingTheirs}>
                Load their version
              </Button>
            }
          >
            {stale}
          </Alert>
        ) : null}
        {mergeNote ? (
          <Alert variant="info" data-testid="merged-edit">
            {mergeNote}
          </Alert>
        ) : null}
        <DecisionFields messageOf={messageOf_} />
        <OptionsFields messageOf={messageOf_} />
        <CriteriaFields messageOf={messageOf_} />
        <div className="flex flex-wrap items-center gap-3">
          {editing ? null : (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                {...form.register("openNow")}
                className="size-4 accent-[var(--primary)]"
              />
              Open for voting right away
            </label>
          )}
          <Button type="submit" loading={create.isPending || open.isPending || update.isPending}>
            {editing ? "Save draft" : "Create decision"}
          </Button>
          <Button variant="ghost" onClick={onBack}>
            {editing ? "Cancel" : "Back"}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
