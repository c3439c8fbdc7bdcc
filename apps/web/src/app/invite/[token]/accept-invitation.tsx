"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toaster";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

export function AcceptInvitation(props: { token: string; teamName: string; email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess(result) {
        toast.success(`You joined ${result.teamName}.`);
        router.push(`/t/${result.teamSlug}`);
        router.refresh();
      },
    }),
  );
  return (
    <div className="space-y-3">
      {accept.error ? <Alert variant="error">{messageOf(accept.error)}</Alert> : null}
      <p className="text-muted-foreground text-sm">You are signed in as {props.email}.</p>
      <Button loading={accept.isPending} onClick={() => accept.mutate({ token: props.token })}>
        Join {props.teamName}
      </Button>
    </div>
  );
}
