"use client";

import { useQuery } from "@tanstack/react-query";
import { type Role, roleLabel, type TeamSummary } from "~/components/team/roles";
import { Section } from "~/components/team/section";
import { Alert } from "~/components/ui/alert";
import { Skeleton } from "~/components/ui/skeleton";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

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
  const events = useQuery(trpc.audit.list.queryOptions({ teamId: team.id }));
  return (
    <Section
      id="audit"
      title="Audit trail"
      description="Membership, role, invitation and webhook changes, newest first. Entries are never edited or removed."
    >
      {events.error ? <Alert variant="error">{messageOf(events.error)}</Alert> : null}
      {events.isPending ? <Skeleton className="h-24 w-full" /> : null}
      <ol className="space-y-2 text-sm" aria-label="Audit trail">
        {events.data?.map((event) => (
          <li key={event.id} className="flex flex-wrap gap-x-3">
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
    </Section>
  );
}
