"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { Link2 } from "lucide-react";
import { type FormEvent, useRef, useState } from "react";
import { ShownOnce } from "~/components/app/shown-once";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { toast } from "~/components/ui/toaster";
import { newIdempotencyKey } from "~/lib/idempotency-key";
import { formErrorsOf, isTRPCClientError, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { toastOutcome } from "~/trpc/toast-outcome";
import { NoEmailNote } from "./no-email-note";
import { type Role, roleLabel, type TeamSummary } from "./roles";
import { Section } from "./section";
import { ConfirmRowAction, RoleSelect, RowList, useConfirming } from "./team-list";

type Invitations = RouterOutputs["invitation"]["list"];

/** Team settings' invitations: the form and the pending list under one heading. */
export function InvitationsSection({
  team,
  initialInvitations,
  emailed,
}: {
  team: TeamSummary;
  /** Whether this server sends email (SMTP set up); without it every link goes by hand. */
  emailed: boolean;
  /** The pending invitations as the server rendered them. */
  initialInvitations?: Invitations | undefined;
}) {
  return (
    <Section
      id="invitations"
      title="Invitations"
      // Without email the form says how links go (NoEmailNote): said here too, it read twice.
      description={
        emailed
          ? "Invite by email, or leave the email empty for a link anyone can use once. Links expire and can be revoked."
          : "Each invitation link works once. Links expire and can be revoked."
      }
    >
      <InviteForm team={team} emailed={emailed} />
      <div className="space-y-2">
        <h3 className="font-medium text-sm">Pending</h3>
        <PendingInvitations team={team} initialInvitations={initialInvitations} emailed={emailed} />
      </div>
    </Section>
  );
}

function useRefreshInvitations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey() });
    await queryClient.invalidateQueries(trpc.audit.list.pathFilter());
  };
}

/**
 * Creates an invitation (its email queued when an address is given and email is on) and shows
 * its link once, to copy.
 */
export function InviteForm({
  team,
  autoFocus,
  emailed,
}: {
  team: TeamSummary;
  autoFocus?: boolean;
  /** Whether this server sends email; without it the form says the link goes by hand. */
  emailed: boolean;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshInvitations();
  const [role, setRole] = useState<Role>("MEMBER");
  const [created, setCreated] = useState<{
    link: string;
    email: string | null;
    emailQueued: boolean;
    mailError: string | null;
    expiresAt: string;
  } | null>(null);
  // The key of this attempt: a retry after a lost answer sends it again, and the server says the
  // invitation exists (its link cannot be shown twice) instead of inviting, and emailing, twice.
  // A new key once the attempt is answered either way.
  const attemptKey = useRef<string | null>(null);
  const create = useMutation(
    trpc.invitation.create.mutationOptions({
      // An invitation the attempt already created shows up in the list, with its Revoke button.
      async onError(error) {
        if (isTRPCClientError(error) && error.data?.code === "CONFLICT") {
          attemptKey.current = null;
          await refresh();
        }
      },
      async onSuccess(result) {
        attemptKey.current = null;
        const link = new URL(result.path, window.location.origin).toString();
        setCreated({
          link,
          email: result.email,
          emailQueued: result.emailQueued,
          mailError: result.mailError,
          expiresAt: result.expiresAt,
        });
        toast.success(
          result.emailQueued
            ? `Invitation email to ${result.email} is on its way.`
            : result.mailError
              ? "Invitation created, but not emailed. Copy the link and send it."
              : "Invitation created. Copy the link and send it.",
        );
        await refresh();
      },
    }),
  );
  const { fields, general } = formErrorsOf(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // One request at a time: a second press while the first is on its way is not another invitation.
    if (create.isPending) return;
    setCreated(null);
    attemptKey.current ??= newIdempotencyKey();
    create.mutate({
      teamId: team.id,
      email: String(form.get("email") ?? ""),
      role,
      expiresInDays: Number(form.get("expiresInDays") ?? 7),
      idempotencyKey: attemptKey.current,
    });
  }

  return (
    <div className="space-y-4">
      {emailed ? null : <NoEmailNote />}
      {general ? <Alert variant="error">{general}</Alert> : null}
      <form
        onSubmit={onSubmit}
        className="grid gap-3 sm:grid-cols-[1fr_9rem_8.5rem_auto] sm:items-end"
        noValidate
      >
        <FormField label="Email (optional)" error={fields.email?.[0]}>
          <Input
            name="email"
            type="email"
            autoComplete="off"
            placeholder="name@example.com"
            autoFocus={autoFocus}
          />
        </FormField>
        <FormField label="Role" error={fields.role?.[0]}>
          <RoleSelect
            value={role}
            max={team.role}
            onChange={setRole}
            label="Role for the invitation"
          />
        </FormField>
        <FormField label="Expires in (days)" error={fields.expiresInDays?.[0]}>
          <Input name="expiresInDays" type="number" min={1} max={30} defaultValue={7} />
        </FormField>
        <Button type="submit" loading={create.isPending}>
          <Link2 aria-hidden /> Create invitation
        </Button>
      </form>
      {created ? (
        <ShownOnce
          variant={created.mailError ? "warning" : "success"}
          title={
            created.emailQueued
              ? `Email to ${created.email} queued`
              : created.email
                ? `Not emailed: send this link to ${created.email} yourself`
                : "Invitation link"
          }
          value={created.link}
          label="Invitation link"
          className="mt-2 font-mono text-xs"
          copy="link"
        >
          {created.mailError ? <p>{created.mailError}</p> : null}
          {created.emailQueued ? (
            <p>
              The email goes out within moments and is retried if the mail server is down; you can
              also send the link yourself.
            </p>
          ) : null}
          <p>
            This link is shown only now. It works once{created.email ? ` for ${created.email}` : ""}
            , until {formatDateTime(created.expiresAt)}.
          </p>
        </ShownOnce>
      ) : null}
    </div>
  );
}

const formatDateTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * The invitations nobody has used yet, with who made them, when they expire and a revoke button.
 * Their links cannot be shown again: only a hash of each is kept.
 */
export function PendingInvitations({
  team,
  initialInvitations,
  emailed,
}: {
  team: TeamSummary;
  /** The pending invitations as the server rendered them: the list is there from the first paint. */
  initialInvitations?: Invitations | undefined;
  /** Whether this server sends email: an invitation not emailed yet may still be on its way. */
  emailed: boolean;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshInvitations();
  const pending = useQuery({
    ...trpc.invitation.list.queryOptions({ teamId: team.id }),
    initialData: initialInvitations,
    // While an email is being sent, look again shortly: the row then says it was emailed, or
    // that the mail server refused it. At most a couple of minutes (the server's grace).
    refetchInterval: (query) =>
      query.state.data?.some((i) => i.delivery === "sending") ? SENDING_POLL_MS : false,
  });
  const revoking = useConfirming();
  const revoke = useMutation(
    trpc.invitation.revoke.mutationOptions(
      toastOutcome("Invitation revoked. Its link no longer works.", refresh, revoking.close),
    ),
  );
  if (pending.error) return <Alert variant="error">{messageOf(pending.error)}</Alert>;
  if (pending.data?.length === 0) {
    return <p className="text-muted-foreground text-sm">No pending invitations.</p>;
  }
  return (
    <RowList label="Pending invitations">
      {pending.data?.map((invitation) => (
        <li
          key={invitation.id}
          className="flex flex-wrap items-center gap-3 px-4 py-3"
          data-testid="pending-invitation"
        >
          <div className="min-w-40 flex-1 wrap-anywhere">
            <div className="font-medium">{invitation.email ?? "Open link"}</div>
            <div className="text-muted-foreground text-xs">
              By {invitation.createdBy?.name ?? invitation.createdBy?.email ?? "a former member"} ·
              expires {formatDateTime(invitation.expiresAt)}
            </div>
            <EmailDelivery invitation={invitation} emailed={emailed} />
          </div>
          <Badge variant="outline">{roleLabel(invitation.role)}</Badge>
          <ConfirmRowAction
            open={revoking.isOpen(invitation.id)}
            onOpenChange={(open) => revoking.setOpen(invitation.id, open)}
            action="Revoke"
            ariaLabel={`Revoke the invitation ${invitation.email ? `for ${invitation.email}` : "by open link"} expiring ${formatDateTime(invitation.expiresAt)}`}
            title="Revoke this invitation?"
            description="Its link stops working at once. You can create a new one later."
            pending={revoke.isPending}
            onConfirm={() => revoke.mutate({ teamId: team.id, invitationId: invitation.id })}
          />
        </li>
      ))}
    </RowList>
  );
}

/** How often the pending list is read again while an invitation's email is being sent. */
const SENDING_POLL_MS = 3_000;

const HAND_OR_REVOKE = "send the link by hand, or revoke this invitation and invite again.";

/**
 * Where an invitation's email stands, as the server reads its job: emailed, being sent (queued
 * moments ago), refused by the mail server (retried, or given up), or not taken long after it
 * was queued. Nothing for an open link, which is always sent by hand.
 */
function EmailDelivery({
  invitation,
  emailed,
}: {
  invitation: Invitations[number];
  emailed: boolean;
}) {
  const { delivery, failedAttempts } = invitation;
  if (!invitation.email || delivery === null) return null;
  if (delivery === "emailed" && invitation.emailedAt) {
    return (
      <div className="text-muted-foreground text-xs" data-testid="invitation-delivery">
        Emailed {formatDateTime(invitation.emailedAt)}
      </div>
    );
  }
  if (delivery === "sending") {
    return (
      <div className="text-muted-foreground text-xs" data-testid="invitation-delivery">
        Sending the email…
      </div>
    );
  }
  const times = failedAttempts === 1 ? "once" : `${failedAttempts} times`;
  const warning =
    delivery === "retrying"
      ? `Not emailed yet: the mail server refused it ${times}; it is tried again for over an hour. If it does not arrive, ${HAND_OR_REVOKE}`
      : delivery === "failed"
        ? `Not emailed: the mail server refused it every time. Send the link by hand, or revoke this invitation and invite again.`
        : delivery === "late"
          ? `Not emailed yet: the mail server has not taken it. If it does not arrive, ${HAND_OR_REVOKE}`
          : emailed
            ? "Not emailed: no email was queued for it (this server sent no email when it was made). Send the link by hand."
            : "Not emailed: this server sends no email. Send the link by hand.";
  return (
    <div className="text-warning text-xs" data-testid="invitation-delivery">
      {warning}
    </div>
  );
}
