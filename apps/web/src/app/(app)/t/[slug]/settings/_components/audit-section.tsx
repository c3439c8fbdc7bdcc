"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { ShowOlder, useFocusShown } from "~/components/app/show-older";
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
};

const OLDER_FAILED =
  'The older changes could not be loaded. Press "Show older changes" to try again.';

const who = (person: Person) => person?.name || person?.email || "someone no longer here";

/** What a departure or a lower role did to the share links the person created, if anything. */
function linksRevoked(count: number | undefined): string {
  if (!count) return "";
  return `; ${count === 1 ? "the share link" : `the ${count} share links`} they created ${count === 1 ? "was" : "were"} revoked`;
}

/** What a departure or a lower role did to the webhooks the person created, if anything. */
function webhooksOff(count: number | undefined): string {
  if (!count) return "";
  return `; ${count === 1 ? "the webhook" : `the ${count} webhooks`} they created ${count === 1 ? "was" : "were"} turned off`;
}

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
      return `${by} changed ${who(subject)} from ${role(data.from)} to ${role(data.to)}${linksRevoked(data.shareLinksRevoked)}${webhooksOff(data.webhooksDisabled)}`;
    case "member.removed":
      return `${by} removed ${who(subject)} (${role(data.role)})${linksRevoked(data.shareLinksRevoked)}${webhooksOff(data.webhooksDisabled)}`;
    case "member.left":
      return `${who(subject)} left the team${linksRevoked(data.shareLinksRevoked)}${webhooksOff(data.webhooksDisabled)}`;
    case "team.ownership_transferred":
      return `${by} made ${who(subject)} the owner`;
    case "invitation.created":
      return `${by} invited ${data.email ?? "someone with an open link"} as ${role(data.role)}`;
    case "invitation.revoked":
      return `${by} revoked an invitation`;
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
