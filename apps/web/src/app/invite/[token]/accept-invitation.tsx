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
      {/* A long team name wraps instead of widening the page on a phone. */}
      <Button
        size={null}
        className="min-h-9 max-w-full px-4 py-2 text-left text-sm"
        loading={accept.isPending}
        onClick={() => accept.mutate({ token: props.token })}
      >
        <span className="whitespace-normal">Join {props.teamName}</span>
      </Button>
    </div>
  );
}
