"use client";

import { useQuery } from "@tanstack/react-query";
import { type Role, roleLabel, type TeamSummary } from "~/components/team/roles";
import { Section } from "~/components/team/section";
import { Alert } from "~/components/ui/alert";
import { Skeleton } from "~/components/ui/skeleton";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

type Person = { name: string | null; email: string | null } | null;
type EventData = { from?: Role; to?: Role; role?: Role; email?: string | null; name?: string };

const who = (person: Person) => person?.name || person?.email || "someone no longer here";

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
      return `${by} changed ${who(subject)} from ${role(data.from)} to ${role(data.to)}`;
    case "member.removed":
      return `${by} removed ${who(subject)} (${role(data.role)})`;
    case "member.left":
      return `${who(subject)} left the team`;
    case "team.ownership_transferred":
      return `${by} made ${who(subject)} the owner`;
    case "invitation.created":
      return `${by} invited ${data.email ?? "someone with an open link"} as ${role(data.role)}`;
    case "invitation.revoked":
      return `${by} revoked an invitation`;
    case "invitation.accepted":
      return `${who(subject)} joined as ${role(data.role)} through an invitation`;
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
      description="Membership, role and invitation changes, newest first. Entries are never edited or removed."
    >
      {events.error ? <Alert variant="error">{messageOf(events.error)}</Alert> : null}
      {events.isPending ? <Skeleton className="h-24 w-full" /> : null}
      <ol className="space-y-2 text-sm" aria-label="Audit trail">
        {events.data?.map((event) => (
          <li key={event.id} className="flex flex-wrap gap-x-3">
            <time
              className="w-40 shrink-0 text-muted-foreground tabular-nums"
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
