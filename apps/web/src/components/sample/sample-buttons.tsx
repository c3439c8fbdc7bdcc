"use client";

import { useMutation } from "@tanstack/react-query";
import { FlaskConical, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toaster";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/** "See how it works": creates the sample decision (or finds the team's one) and opens it. */
export function CreateSampleButton({ teamId, slug }: { teamId: string; slug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(
    trpc.project.createSample.mutationOptions({
      onSuccess(project) {
        toast.success(
          project.created
            ? "Sample decision created, with three fictional teammates' votes."
            : "Your team already has a sample decision: here it is.",
        );
        router.push(`/t/${slug}/p/${project.id}`);
      },
    }),
  );
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        loading={create.isPending}
        onClick={() => create.mutate({ teamId })}
      >
        <FlaskConical aria-hidden="true" /> See how it works with a sample
      </Button>
      {create.error ? <Alert variant="error">{messageOf(create.error)}</Alert> : null}
    </div>
  );
}

/** On a sample decision's page: says what it is and removes it (and its made-up voters) at once. */
export function SampleBanner({
  projectId,
  slug,
  canRemove,
}: {
  projectId: string;
  slug: string;
  /** Members may remove it; viewers only read the explanation. */
  canRemove: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(
    trpc.project.removeSample.mutationOptions({
      onSuccess() {
        toast.success("Sample decision removed.");
        router.push(`/t/${slug}`);
        router.refresh();
      },
    }),
  );
  return (
    <Alert
      variant="info"
      title="This is a sample decision"
      data-testid="sample-banner"
      action={
        canRemove ? (
          <Button
            size="sm"
            variant="secondary"
            loading={remove.isPending}
            onClick={() => remove.mutate({ projectId })}
          >
            <Trash2 aria-hidden="true" /> Remove the sample
          </Button>
        ) : null
      }
    >
      <p>
        The votes of Ada, Bruno and Chiara (marked “sample”) are made up, to show how votes become a
        recommendation: add yours and watch it change, then look at the history. They are not team
        members and cannot sign in. Removing the sample deletes this decision and their votes,
        nothing else.
      </p>
      {remove.error ? <p className="mt-2 font-medium">{messageOf(remove.error)}</p> : null}
    </Alert>
  );
}
