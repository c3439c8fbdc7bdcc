"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TitledDialog } from "~/components/app/titled-dialog";
import { createdSentence } from "~/components/team/created-words";
import type { TeamSummary } from "~/components/team/roles";
import { Section } from "~/components/team/section";
import { Alert } from "~/components/ui/alert";
import { ConfirmDialog } from "~/components/ui/alert-dialog";
import { Button } from "~/components/ui/button";
import { DialogFooter } from "~/components/ui/dialog";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "~/components/ui/select";
import { toast } from "~/components/ui/toaster";
import { fieldErrorsOf, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

export function DangerZone({ team, currentUserId }: { team: TeamSummary; currentUserId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const isOwner = team.role === "OWNER";
  const leave = useMutation(
    trpc.team.leave.mutationOptions({
      onSuccess() {
        toast.success(`You left ${team.name}.`);
        router.push("/");
        router.refresh();
      },
      onError(error) {
        toast.error(messageOf(error));
      },
    }),
  );
  return (
    <Section id="danger" title="Leave or delete">
      <div className="flex flex-wrap gap-3">
        <ConfirmDialog
          trigger={<Button variant="secondary">Leave team</Button>}
          title={`Leave ${team.name}?`}
          description="You lose access to its decisions. An admin can invite you again."
          confirmLabel="Leave team"
          pending={leave.isPending}
          onConfirm={() => leave.mutate({ teamId: team.id })}
        />
        {isOwner ? <TransferOwnership team={team} currentUserId={currentUserId} /> : null}
        {isOwner ? <DeleteTeam team={team} /> : null}
      </div>
    </Section>
  );
}

function TransferOwnership({ team, currentUserId }: { team: TeamSummary; currentUserId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState("");
  const queryClient = useQueryClient();
  const members = useQuery(trpc.member.list.queryOptions({ teamId: team.id }));
  const transfer = useMutation(
    trpc.team.transferOwnership.mutationOptions({
      async onSuccess({ invitationsRevoked: revoked }) {
        toast.success(
          `Ownership transferred. You are now an admin.${createdSentence(revoked, "pending invitation", "revoked", { by: "you", which: " that an admin cannot give" })}`,
        );
        setOpen(false);
        router.refresh();
        // The lists on this page read the roles, the invitations and the trail the handover changed.
        await Promise.all(
          [trpc.member.list, trpc.invitation.list, trpc.audit.list].map((procedure) =>
            queryClient.invalidateQueries(procedure.pathFilter()),
          ),
        );
      },
    }),
  );
  const others = members.data?.filter((m) => m.id !== currentUserId) ?? [];
  return (
    <TitledDialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button variant="secondary">Transfer ownership</Button>}
      title="Transfer ownership"
      description="The member you choose becomes an owner; you stay on as an admin."
    >
      {transfer.error ? <Alert variant="error">{messageOf(transfer.error)}</Alert> : null}
      {others.length === 0 ? (
        <p className="text-muted-foreground text-sm">
          Invite someone first: you are the only member.
        </p>
      ) : (
        <FormField label="New owner" error={fieldErrorsOf(transfer.error).userId?.[0]}>
          <Select value={userId} onValueChange={setUserId}>
            <SelectTrigger aria-label="New owner">
              <SelectValue placeholder="Choose a member" />
            </SelectTrigger>
            <SelectContent>
              {others.map((m) => (
                <SelectItem key={m.id} value={m.id}>
                  {m.name || m.email}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </FormField>
      )}
      <DialogFooter>
        <Button
          disabled={!userId}
          loading={transfer.isPending}
          onClick={() => transfer.mutate({ teamId: team.id, userId })}
        >
          Transfer ownership
        </Button>
      </DialogFooter>
    </TitledDialog>
  );
}

function DeleteTeam({ team }: { team: TeamSummary }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const remove = useMutation(
    trpc.team.delete.mutationOptions({
      onSuccess() {
        toast.success(`${team.name} was deleted.`);
        setOpen(false);
        router.push("/");
        router.refresh();
      },
    }),
  );
  const fields = fieldErrorsOf(remove.error);
  return (
    <TitledDialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button variant="destructive">Delete team</Button>}
      title={`Delete ${team.name}?`}
      description="This deletes every decision project, vote, comment, invitation and the audit trail of the team. It cannot be undone."
    >
      {remove.error && !fields.confirmation ? (
        <Alert variant="error">{messageOf(remove.error)}</Alert>
      ) : null}
      <FormField label={`Type ${team.name} to confirm`} error={fields.confirmation?.[0]}>
        <Input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      </FormField>
      <DialogFooter>
        <Button
          variant="destructive"
          disabled={typed.trim() !== team.name}
          loading={remove.isPending}
          onClick={() => remove.mutate({ teamId: team.id, confirmation: typed })}
        >
          Delete team
        </Button>
      </DialogFooter>
    </TitledDialog>
  );
}
