"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRef, useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "~/components/ui/alert-dialog";
import { Button } from "~/components/ui/button";
import { Spinner } from "~/components/ui/spinner";
import { toast } from "~/components/ui/toaster";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/**
 * "Discard this draft" (the project's creator, an owner or an admin), behind a confirmation. Once
 * discarded the button is gone, so focus moves to what replaces it (`onDiscarded`) rather than
 * back to a button that no longer exists.
 */
export function DiscardDraftButton({
  projectId,
  onDiscarded,
}: {
  projectId: string;
  onDiscarded: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const discarded = useRef(false);
  const discard = useMutation(
    trpc.draft.discard.mutationOptions({
      onSuccess: () => {
        discarded.current = true;
        onDiscarded();
        setOpen(false);
        void queryClient.invalidateQueries(trpc.draft.pathFilter());
      },
      onError: (e) => {
        setOpen(false);
        toast.error(messageOf(e));
      },
    }),
  );
  return (
    <AlertDialog open={open} onOpenChange={(next) => discard.isPending || setOpen(next)}>
      <AlertDialogTrigger asChild>
        <Button variant="outline">
          <Trash2 aria-hidden="true" /> Discard this draft
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          if (discarded.current) event.preventDefault();
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>Discard the record draft?</AlertDialogTitle>
          <AlertDialogDescription>
            The team's text, reviews and comments in this draft will not become the record. The
            draft stays here to read, and nobody can edit it any more. Afterwards the decision can
            be recorded from the record form, or a new draft started.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={discard.isPending}>Keep the draft</AlertDialogCancel>
          <AlertDialogAction
            disabled={discard.isPending}
            aria-busy={discard.isPending || undefined}
            onClick={(event) => {
              event.preventDefault();
              discard.mutate({ projectId });
            }}
          >
            {discard.isPending ? <Spinner decorative /> : null}
            Discard the draft
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
