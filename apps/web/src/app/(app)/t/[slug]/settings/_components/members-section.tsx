"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { ConfirmDialog } from "~/components/ui/alert-dialog";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "~/components/ui/select";
import { Skeleton } from "~/components/ui/skeleton";
import { toast } from "~/components/ui/toaster";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { atMost, isAdmin, ROLE_HELP, ROLES, type Role, roleLabel, type TeamSummary } from "./roles";
import { Section } from "./section";

export function MembersSection({
  team,
  currentUserId,
}: {
  team: TeamSummary;
  currentUserId: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const members = useQuery(trpc.member.list.queryOptions({ teamId: team.id }));
  const [removing, setRemoving] = useState<string | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.audit.list.queryKey() });
  };
  const changeRole = useMutation(
    trpc.member.changeRole.mutationOptions({
      async onSuccess(result) {
        const who = members.data?.find((m) => m.id === result.userId);
        toast.success(
          `${who?.name ?? who?.email ?? "Member"} is now ${roleLabel(result.role).toLowerCase()}.`,
        );
        await refresh();
        if (result.userId === currentUserId) router.refresh();
      },
      onError(error) {
        toast.error(messageOf(error));
      },
    }),
  );
  const remove = useMutation(
    trpc.member.remove.mutationOptions({
      async onSuccess() {
        toast.success("Member removed. They lose access on their next page load.");
        setRemoving(null);
        await refresh();
      },
      onError(error) {
        toast.error(messageOf(error));
        setRemoving(null);
      },
    }),
  );
  const manage = isAdmin(team.role);

  return (
    <Section
      id="members"
      title="Members"
      description="Owners and admins manage members and invitations; members create projects, vote and comment; viewers read and comment."
    >
      {members.error ? <Alert variant="error">{messageOf(members.error)}</Alert> : null}
      {members.isPending ? <Skeleton className="h-24 w-full" /> : null}
      <ul className="divide-y rounded-lg border" aria-label="Team members">
        {members.data?.map((member) => {
          const label = member.name || member.email || "Unnamed member";
          const canManage = manage && atMost(member.role, team.role) && member.id !== currentUserId;
          return (
            <li
              key={member.id}
              className="flex flex-wrap items-center gap-3 px-4 py-3"
              data-testid="member-row"
            >
              <Avatar name={label} />
              <div className="min-w-0 flex-1">
                <div className="truncate font-medium">
                  {label}
                  {member.id === currentUserId ? (
                    <span className="text-muted-foreground"> (you)</span>
                  ) : null}
                </div>
                <div className="truncate text-muted-foreground text-sm">{member.email}</div>
              </div>
              {canManage ? (
                <>
                  <Select
                    value={member.role}
                    disabled={changeRole.isPending}
                    onValueChange={(role) =>
                      changeRole.mutate({ teamId: team.id, userId: member.id, role: role as Role })
                    }
                  >
                    <SelectTrigger className="w-32" aria-label={`Role of ${label}`}>
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {ROLES.filter((role) => atMost(role, team.role)).map((role) => (
                        <SelectItem key={role} value={role} title={ROLE_HELP[role]}>
                          {roleLabel(role)}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <ConfirmDialog
                    open={removing === member.id}
                    onOpenChange={(open) => setRemoving(open ? member.id : null)}
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`Remove ${label}`}>
                        Remove
                      </Button>
                    }
                    title={`Remove ${label} from ${team.name}?`}
                    description="They lose access to the team's decisions on their next page load. Their past votes and comments stay."
                    confirmLabel="Remove"
                    pending={remove.isPending}
                    onConfirm={(event) => {
                      event.preventDefault();
                      remove.mutate({ teamId: team.id, userId: member.id });
                    }}
                  />
                </>
              ) : (
                <Badge variant={member.role === "OWNER" ? "primary" : "neutral"}>
                  {roleLabel(member.role)}
                </Badge>
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
