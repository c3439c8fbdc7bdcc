"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toaster";
import { signOutOfDevice } from "~/lib/pending-votes";
import { signInPath } from "~/lib/return-path";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/**
 * Signed in with another address than the invitation's: accepting would be refused, so this
 * says so and offers to sign out and come back here with the right account.
 */
export function SwitchAccount(props: { email: string; forEmail: string; callbackUrl: string }) {
  return (
    <div className="space-y-3">
      <Alert variant="warning" title="This invitation is for another account">
        You are signed in as {props.email}, and only the account with {props.forEmail} can accept
        it. Sign out, then sign in with that address.
      </Alert>
      <Button
        variant="secondary"
        onClick={() => void signOutOfDevice(signInPath(props.callbackUrl))}
      >
        Sign out and use that address
      </Button>
    </div>
  );
}

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
