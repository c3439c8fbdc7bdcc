import type { ProjectEventType, RouterOutputs } from "@tradeoff/api";
import { EyeOff } from "lucide-react";
import Link from "next/link";
import { DeadlineLabel } from "~/components/app/deadline-label";
import { NumberedTitle } from "~/components/app/numbered-title";
import { Badge } from "~/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui/card";
import { ballotsWords, leaderWords } from "./leader-words";
import { STATUS_FILTERS } from "./project-filters";

type Dashboard = RouterOutputs["dashboard"]["get"];
type ProjectRow = Dashboard["projects"][number];

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/**
 * What an event did to the project named after it: "Ada voted on <title>". One entry for every
 * type the API records (`ProjectEventType`), so the type checker refuses a new type without one.
 */
const EVENT_WORDS: { [T in ProjectEventType]: string } = {
  "project.created": "started",
  "project.edited": "edited",
  "project.tagged": "changed the tags of",
  "project.imported": "imported",
  "status.changed": "changed the status of",
  "round.reopened": "reopened",
  "vote.cast": "voted on",
  "vote.retracted": "withdrew a vote on",
  "comment.created": "commented on",
  "comment.edited": "edited a comment on",
  "comment.deleted": "deleted a comment on",
  "decision.recorded": "recorded the decision on",
  "decision.revised": "revised the record of",
  "decision.superseded": "superseded",
  "decision.supersedes": "linked an earlier decision to",
  "draft.started": "started the record's draft of",
  "draft.fields.changed": "changed the record draft's fields of",
  "draft.review.given": "reviewed the record's draft of",
  "draft.review.stale": "edited the approved record draft of",
  "draft.comment.created": "commented on the record's draft of",
  "draft.accepted": "accepted the record's draft of",
  "draft.overridden": "accepted, without every approval, the record's draft of",
  "draft.discarded": "discarded the record's draft of",
};

const eventWords = (type: string) =>
  Object.hasOwn(EVENT_WORDS, type) ? EVENT_WORDS[type as ProjectEventType] : "updated";

/**
 * A project's leading option with what it rests on; a provisional leader is marked as such,
 * never shown bare.
 */
function LeaderCell({
  status,
  leader,
}: {
  status: ProjectRow["status"];
  leader: NonNullable<ProjectRow["leader"]>;
}) {
  const words = leaderWords(status, leader);
  const provisional = leader.status === "provisional";
  return (
    <span className="block text-right" data-testid="project-leader">
      <span className="block">
        {provisional ? (
          <Badge variant="warning" className="mr-1.5">
            {words.label}
          </Badge>
        ) : (
          <span className="text-muted-foreground">{words.label}: </span>
        )}
        <span className="font-medium">{leader.name}</span>{" "}
        <span className="text-muted-foreground tabular-nums">({leader.score.toFixed(1)})</span>
      </span>
      <span className="block text-muted-foreground text-xs" data-testid="leader-basis">
        {words.basis}
      </span>
    </span>
  );
}

/**
 * Under a list the dashboard cut short: how many of how many it shows, and where the rest are
 * (the project list filtered, a page at a time). Nothing when it shows them all.
 */
function MoreOf({
  shown,
  total,
  what,
  href,
  link,
}: {
  shown: number;
  total: number;
  what: string;
  href: string;
  link: string;
}) {
  if (shown >= total) return null;
  return (
    <p className="text-muted-foreground text-sm" data-testid="dashboard-more">
      {shown} of {total} {what}.{" "}
      <Link href={href} className="font-medium text-foreground underline-offset-4 hover:underline">
        {link}
      </Link>
    </p>
  );
}

/** The team dashboard: what needs my vote, deadlines, projects by status, recent activity. */
export function DashboardLists({ slug, dashboard }: { slug: string; dashboard: Dashboard }) {
  const href = (id: string) => `/t/${slug}/p/${id}`;
  // Where the pending votes and the deadlines, both open decisions, go on when cut short.
  const openDecisions = { href: `/t/${slug}?status=OPEN`, link: "See every open decision" };
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="space-y-8">
        {dashboard.pendingVotes.length > 0 ? (
          <section aria-labelledby="pending-heading" className="space-y-3">
            <h2 id="pending-heading" className="flex items-center gap-2 font-medium text-lg">
              Waiting for your vote <Badge variant="warning">{dashboard.pendingTotal}</Badge>
            </h2>
            <ul className="space-y-2" data-testid="pending-votes">
              {dashboard.pendingVotes.map((p) => (
                <li key={p.id}>
                  <Link
                    href={href(p.id)}
                    className="flex items-center justify-between gap-3 rounded-lg border border-warning/40 bg-warning/5 px-4 py-3 text-sm hover:bg-warning/10"
                  >
                    <span className="font-medium">{p.title}</span>
                    <span className="text-muted-foreground">
                      {p.myDoneCriteria} of {p.criteriaCount}{" "}
                      {p.criteriaCount === 1 ? "criterion" : "criteria"} answered
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            <MoreOf
              shown={dashboard.pendingVotes.length}
              total={dashboard.pendingTotal}
              what="waiting for your vote, the most recently changed first"
              {...openDecisions}
            />
          </section>
        ) : null}
        {STATUS_FILTERS.map(({ status, label, heading = label, variant }) => {
          const rows = dashboard.projects.filter((p) => p.status === status);
          const total = dashboard.counts[status];
          if (total === 0) return null;
          return (
            <section key={status} aria-labelledby={`status-${status}`} className="space-y-3">
              <h2 id={`status-${status}`} className="flex items-center gap-2 font-medium text-lg">
                {heading} <Badge variant={variant}>{total}</Badge>
              </h2>
              <ul className="divide-y divide-border rounded-xl border border-border">
                {rows.map((p) => (
                  <li key={p.id}>
                    <Link
                      href={href(p.id)}
                      className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 hover:bg-accent"
                    >
                      <span className="min-w-0">
                        <span className="block font-medium">
                          <NumberedTitle number={p.number} title={p.title} />
                        </span>
                        <span className="flex flex-wrap items-center gap-2 text-muted-foreground text-xs">
                          {p.status === "OPEN" || p.status === "DECIDED" ? (
                            <span data-testid="project-ballots">{ballotsWords(p)}</span>
                          ) : null}
                          {p.deadline ? (
                            <DeadlineLabel date={dateFormat.format(new Date(p.deadline))} />
                          ) : null}
                          {p.tags.map((tag) => (
                            <span key={tag} data-testid="project-tag">
                              #{tag}
                            </span>
                          ))}
                        </span>
                      </span>
                      <span className="text-sm">
                        {p.unreadable ? (
                          <span
                            className="block text-right text-warning"
                            data-testid="project-unreadable"
                          >
                            Cannot be scored: its stored data is invalid ({p.unreadable})
                          </span>
                        ) : p.leader ? (
                          <LeaderCell status={p.status} leader={p.leader} />
                        ) : p.votingMode === "BLIND" && p.status === "OPEN" ? (
                          <span className="flex items-center gap-1 text-muted-foreground">
                            <EyeOff aria-hidden="true" className="size-3.5" /> Blind until closed
                          </span>
                        ) : (
                          <span className="text-muted-foreground">No votes yet</span>
                        )}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
              <MoreOf
                shown={rows.length}
                total={total}
                what={`${heading.toLowerCase()}, the most recently changed first`}
                href={`/t/${slug}?status=${status}`}
                link={`Show all ${total}`}
              />
            </section>
          );
        })}
      </div>
      <aside className="space-y-6">
        {dashboard.deadlines.length > 0 ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">Deadlines</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="space-y-2 text-sm">
                {dashboard.deadlines.map((p) => (
                  <li key={p.id}>
                    <Link href={href(p.id)} className="block py-0.5 font-medium hover:underline">
                      {p.title}
                    </Link>
                    <span
                      className={p.overdue ? "block text-warning" : "block text-muted-foreground"}
                    >
                      {p.overdue ? "Passed " : ""}
                      {p.deadline ? dateFormat.format(new Date(p.deadline)) : ""}
                    </span>
                  </li>
                ))}
              </ul>
              <MoreOf
                shown={dashboard.deadlines.length}
                total={dashboard.deadlineTotal}
                what="deadlines, the nearest first"
                {...openDecisions}
              />
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle as="h2">Recent activity</CardTitle>
          </CardHeader>
          <CardContent>
            {dashboard.recentActivity.length === 0 ? (
              <p className="text-muted-foreground text-sm">Nothing yet.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {dashboard.recentActivity.map((e) => (
                  <li key={e.id}>
                    <span className="font-medium">{e.actorName ?? "Someone"}</span>{" "}
                    {eventWords(e.type)}{" "}
                    <Link href={href(e.project.id)} className="hover:underline">
                      {e.project.title}
                    </Link>
                    <span className="block text-muted-foreground text-xs">
                      {dateFormat.format(new Date(e.createdAt))}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </aside>
    </div>
  );
}
