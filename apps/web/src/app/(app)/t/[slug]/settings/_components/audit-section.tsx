"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { ShowOlder, useFocusShown } from "~/components/app/show-older";
import { createdClause } from "~/components/team/created-words";
import { type Role, roleLabel, type TeamSummary } from "~/components/team/roles";
import { Section } from "~/components/team/section";
import { Alert } from "~/components/ui/alert";
import { Skeleton } from "~/components/ui/skeleton";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useShowOlder } from "~/trpc/show-older";

type Person = { name: string | null; email: string | null } | null;
type EventData = {
  from?: Role;
  to?: Role;
  role?: Role;
  email?: string | null;
  name?: string;
  url?: string;
  enabled?: boolean;
  /** Share links a member created that were revoked with their membership or their role. */
  shareLinksRevoked?: number;
  /** Webhooks an admin created that were turned off with their membership or their role. */
  webhooksDisabled?: number;
  /** Pending invitations a member made that were revoked with their membership or their role. */
  invitationsRevoked?: number;
  /** Why an invitation was revoked when nobody revoked it by hand. */
  reason?: "inviter_role_changed" | "inviter_left";
};

const OLDER_FAILED =
  'The older changes could not be loaded. Press "Show older changes" to try again.';

const who = (person: Person) => person?.name || person?.email || "someone no longer here";

/** "; the 2 share links they created were revoked", after the sentence it adds to. */
function createdGone(count: number | undefined, thing: string, done: string): string {
  const clause = createdClause(count, thing, done);
  return clause ? `; ${clause}` : "";
}

/** Everything a departure or a lower role took with it: share links, webhooks, invitations. */
const takenWith = (data: EventData) =>
  createdGone(data.shareLinksRevoked, "share link", "revoked") +
  createdGone(data.webhooksDisabled, "webhook", "turned off") +
  createdGone(data.invitationsRevoked, "pending invitation", "revoked");

/** The invitation a revocation stopped, as far as the entry knows it (older entries do not). */
function invitationOf(data: EventData): string {
  const as = data.role ? ` as ${roleLabel(data.role).toLowerCase()}` : "";
  if (data.email) return `the invitation of ${data.email}${as}`;
  return data.role ? `an open-link invitation${as}` : "an invitation";
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One sentence per event: who did what, to whom. */
function describe(action: string, actor: Person, subject: Person, data: EventData): string {
  const by = who(actor);
  const role = (r?: Role) => (r ? roleLabel(r).toLowerCase() : "?");
  switch (action) {
    case "team.created":
      return `${by} created the team`;
    case "team.renamed":
      return `${by} renamed the team from “${data.from ?? ""}” to “${data.to ?? ""}”`;
    case "member.role_changed":
      return `${by} changed ${who(subject)} from ${role(data.from)} to ${role(data.to)}${takenWith(data)}`;
    case "member.removed":
      return `${by} removed ${who(subject)} (${role(data.role)})${takenWith(data)}`;
    case "member.left":
      return `${who(subject)} left the team${takenWith(data)}`;
    case "team.ownership_transferred":
      return `${by} made ${who(subject)} the owner`;
    case "invitation.created":
      return `${by} invited ${data.email ?? "someone with an open link"} as ${role(data.role)}`;
    case "invitation.revoked":
      if (data.reason) {
        const why =
          data.reason === "inviter_left"
            ? "they are no longer in the team"
            : "their new role cannot give it";
        return `${capitalized(invitationOf(data))} that ${who(subject)} created was revoked: ${why}`;
      }
      return `${by} revoked ${invitationOf(data)}`;
    case "invitation.accepted":
      return `${who(subject)} joined as ${role(data.role)} through an invitation`;
    case "webhook.created":
      return `${by} added the webhook ${data.url ?? ""}`;
    case "webhook.changed":
      return data.enabled === undefined
        ? `${by} changed the webhook ${data.url ?? ""}`
        : `${by} turned the webhook ${data.url ?? ""} ${data.enabled ? "on" : "off"}`;
    case "webhook.secret_rotated":
      return `${by} rotated the secret of the webhook ${data.url ?? ""}`;
    case "webhook.deleted":
      return `${by} removed the webhook ${data.url ?? ""}`;
    default:
      return `${by}: ${action}`;
  }
}

export function AuditSection({ team }: { team: TeamSummary }) {
  const trpc = useTRPC();
  // The newest entries first, older ones a page at a time: the whole trail stays reachable.
  const pages = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { teamId: team.id },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const events = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;
  const list = useRef<HTMLOListElement>(null);
  const pressed = useRef<HTMLButtonElement | null>(null);
  // The older entries come below those shown: the keyboard moves to the first of them.
  const setFocusFirst = useFocusShown(
    (id) => list.current?.querySelector(`:scope > li[data-audit-id="${id}"]`),
    () => pressed.current,
  );
  const showOlder = useShowOlder(
    pages.data?.pages.length ?? 0,
    pages.fetchNextPage,
    { one: "change", many: "changes", failed: OLDER_FAILED },
    setFocusFirst,
  );
  return (
    <Section
      id="audit"
      title="Audit trail"
      description="Membership, role, invitation and webhook changes, newest first. Entries are never edited or removed."
    >
      {pages.error ? <Alert variant="error">{messageOf(pages.error)}</Alert> : null}
      {pages.isPending ? <Skeleton className="h-24 w-full" /> : null}
      {pages.isSuccess && events.length === 0 ? (
        <p className="text-muted-foreground text-sm">No changes recorded yet.</p>
      ) : null}
      {total > events.length ? (
        <p className="mb-3 text-muted-foreground text-sm" data-testid="audit-count">
          {total} changes. The newest {events.length} are shown.
        </p>
      ) : null}
      <ol ref={list} className="space-y-2 text-sm" aria-label="Audit trail">
        {events.map((event) => (
          <li
            key={event.id}
            data-audit-id={event.id}
            tabIndex={-1}
            className="flex flex-wrap gap-x-3 rounded-sm focus-visible:outline-2 focus-visible:outline-ring"
          >
            <time
              className="w-48 shrink-0 whitespace-nowrap text-muted-foreground tabular-nums max-sm:w-full"
              dateTime={event.createdAt}
            >
              {new Date(event.createdAt).toLocaleString(undefined, {
                dateStyle: "medium",
                timeStyle: "short",
              })}
            </time>
            <span>
              {describe(event.action, event.actor, event.subject, (event.data ?? {}) as EventData)}
            </span>
          </li>
        ))}
      </ol>
      <ShowOlder
        showOlder={showOlder}
        hasOlder={pages.hasNextPage}
        items={events}
        label="Show older changes"
        failed={OLDER_FAILED}
        className="mt-3 space-y-2"
        onPress={(button) => {
          pressed.current = button;
        }}
      />
    </Section>
  );
}
