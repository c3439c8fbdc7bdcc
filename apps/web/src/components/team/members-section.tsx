"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Skeleton } from "~/components/ui/skeleton";
import { toast } from "~/components/ui/toaster";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { createdSentence } from "./created-words";
import { atMost, isAdmin, roleLabel, type TeamSummary } from "./roles";
import { Section } from "./section";
import { ConfirmRowAction, RoleSelect, RowList, useConfirming } from "./team-list";

/** Members shown at first, and added by each press of "Show more": a big team stays quick. */
export const MEMBERS_SHOWN = 50;

/** " The webhook they created was turned off. ...": where to turn them back on, and after what. */
function webhooksOffWords(count: number) {
  const them = count === 1 ? "it" : "them";
  const where = count === 1 ? "it sends" : "they send";
  return count
    ? `${createdSentence(count, "webhook", "turned off")} Check where ${where} before turning ${them} back on under Webhooks in team settings.`
    : "";
}

/** Whether a member's name or address holds every word of the search, in any case. */
function matches(member: { name: string | null; email: string | null }, words: string[]) {
  const text = `${member.name ?? ""} ${member.email ?? ""}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

export function MembersSection({
  team,
  currentUserId,
  title = "Members",
  initialMembers,
}: {
  team: TeamSummary;
  currentUserId: string;
  /** The section's heading: "Members" in team settings, "People" under the Members page's own. */
  title?: string;
  /** The members as the server rendered them: the list is there from the first paint. */
  initialMembers?: RouterOutputs["member"]["list"] | undefined;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const members = useQuery({
    ...trpc.member.list.queryOptions({ teamId: team.id }),
    initialData: initialMembers,
  });
  const removing = useConfirming();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey() });
    await queryClient.invalidateQueries(trpc.audit.list.pathFilter());
    // Their webhooks may have been turned off, their pending invitations revoked: the settings
    // page lists both.
    await queryClient.invalidateQueries({ queryKey: trpc.webhook.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey() });
  };
  const changeRole = useMutation(
    trpc.member.changeRole.mutationOptions({
      async onSuccess(result) {
        const who = members.data?.find((m) => m.id === result.userId);
        const cannot = (what: string) => ({ which: ` that this role cannot ${what}` });
        const revoked =
          createdSentence(result.shareLinksRevoked, "share link", "revoked", cannot("create")) +
          createdSentence(
            result.invitationsRevoked,
            "pending invitation",
            "revoked",
            cannot("give"),
          );
        toast.success(
          `${who?.name ?? who?.email ?? "Member"} is now ${roleLabel(result.role).toLowerCase()}.${revoked}${webhooksOffWords(result.webhooksDisabled)}`,
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
      async onSuccess(result) {
        const revoked =
          createdSentence(result.shareLinksRevoked, "share link", "revoked") +
          createdSentence(result.invitationsRevoked, "pending invitation", "revoked");
        toast.success(
          `Member removed. They lose access on their next page load.${revoked}${webhooksOffWords(result.webhooksDisabled)}`,
        );
        removing.close();
        await refresh();
      },
      onError(error) {
        toast.error(messageOf(error));
        removing.close();
      },
    }),
  );
  const manage = isAdmin(team.role);
  const id = useId();
  const [search, setSearch] = useState("");
  const [shown, setShown] = useState(MEMBERS_SHOWN);
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const found = (members.data ?? []).filter((m) => matches(m, words));
  const total = members.data?.length ?? 0;

  return (
    <Section
      id="members"
      title={title}
      description="Owners and admins manage members and invitations; members create projects, vote and comment; viewers read and comment."
    >
      {members.error ? <Alert variant="error">{messageOf(members.error)}</Alert> : null}
      {members.isPending ? <Skeleton className="h-24 w-full" /> : null}
      {total > MEMBERS_SHOWN ? (
        <div className="grid max-w-sm gap-1.5">
          <Label htmlFor={`${id}-search`}>Find a member</Label>
          <Input
            id={`${id}-search`}
            type="search"
            placeholder="Name or email address"
            value={search}
            autoComplete="off"
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      ) : null}
      {total > MEMBERS_SHOWN ? (
        <p aria-live="polite" className="text-muted-foreground text-sm" data-testid="member-count">
          {words.length > 0
            ? `${found.length} of ${total} ${total === 1 ? "member matches" : "members match"}.`
            : `${total} ${total === 1 ? "member" : "members"}.`}
          {found.length > shown ? ` The first ${shown} are shown.` : ""}
        </p>
      ) : null}
      <RowList label="Team members">
        {found.slice(0, shown).map((member) => {
          const label = member.name || member.email || "Unnamed member";
          const canManage = manage && atMost(member.role, team.role) && member.id !== currentUserId;
          return (
            <li
              key={member.id}
              className="flex flex-wrap items-center gap-3 px-4 py-3"
              data-testid="member-row"
            >
              <Avatar name={label} />
              {/* The name and address are read whole: on a phone the role and remove controls
                  go to the next line before the name would be cut. */}
              <div className="min-w-40 flex-1 wrap-anywhere">
                <div className="font-medium">
                  {label}
                  {member.id === currentUserId ? (
                    <span className="text-muted-foreground"> (you)</span>
                  ) : null}
                </div>
                <div className="text-muted-foreground text-sm">{member.email}</div>
              </div>
              {canManage ? (
                <>
                  <RoleSelect
                    value={member.role}
                    max={team.role}
                    // Not disabled while a change is on its way: that would drop the keyboard's
                    // focus, which the list returned to this role, to the top of the page.
                    onChange={(role) => {
                      if (!changeRole.isPending) {
                        changeRole.mutate({ teamId: team.id, userId: member.id, role });
                      }
                    }}
                    className="w-32"
                    label={`Role of ${label}`}
                  />
                  <ConfirmRowAction
                    open={removing.isOpen(member.id)}
                    onOpenChange={(open) => removing.setOpen(member.id, open)}
                    action="Remove"
                    ariaLabel={`Remove ${label}`}
                    title={`Remove ${label} from ${team.name}?`}
                    description="They lose access to the team's decisions on their next page load, the share links and pending invitations they created stop working, and the webhooks they created are turned off. Their past votes and comments stay."
                    pending={remove.isPending}
                    onConfirm={() => remove.mutate({ teamId: team.id, userId: member.id })}
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
      </RowList>
      {found.length > shown ? (
        <Button variant="outline" size="sm" onClick={() => setShown((n) => n + MEMBERS_SHOWN)}>
          Show {Math.min(MEMBERS_SHOWN, found.length - shown)} more of {found.length}
        </Button>
      ) : null}
    </Section>
  );
}
