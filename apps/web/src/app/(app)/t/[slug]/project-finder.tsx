"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { Search } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { type ReactNode, useEffect, useId, useState } from "react";
import { DeadlineLabel } from "~/components/app/deadline-label";
import { NextPageButton } from "~/components/app/next-page-button";
import { NumberedTitle } from "~/components/app/numbered-title";
import { LoadFailed } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/native-select";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { DashboardLists } from "./dashboard-lists";
import {
  RECORD_STATUS_FILTERS,
  type RecordStatus,
  recordStatusFromParam,
  STATUS_FILTERS,
  type Status,
  statusFromParam,
  tagFromParam,
} from "./project-filters";

type Found = RouterOutputs["project"]["list"];

const SEARCH_DELAY_MS = 250;
const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/**
 * Find a decision: a search over titles and problem statements, a status filter (the project's,
 * or its record's in MADR's words) and a tag filter, answered by the server as you type (after
 * a short pause). The address keeps them (?q=&status=&record=&tag=), so a reload or coming back
 * shows the same results. With none, the dashboard shows as usual.
 */
export function ProjectFinder({
  slug,
  teamId,
  initialQ,
  initialStatus,
  initialRecordStatus,
  initialTag,
  teamTags,
  initialResults,
  children,
}: {
  slug: string;
  teamId: string;
  initialQ: string;
  initialStatus: Status | undefined;
  initialRecordStatus: RecordStatus | undefined;
  initialTag: string | undefined;
  /** The tags the team's projects carry, for the tag filter. */
  teamTags: string[];
  /** The results for the address's filter, rendered on the server. */
  initialResults: Found | undefined;
  /**
   * The dashboard, shown while nothing is filtered; null when the page was rendered for a
   * filter (the dashboard is then fetched once the filter is cleared).
   */
  children: ReactNode | null;
}) {
  const trpc = useTRPC();
  const id = useId();
  // The address as it is now: coming back with Back may restore a page rendered for another one.
  const params = useSearchParams();
  const startQ = (params.get("q") ?? initialQ).slice(0, 200);
  const [text, setText] = useState(startQ);
  const [status, setStatus] = useState<Status | undefined>(
    params.has("status") ? statusFromParam(params.get("status") ?? undefined) : initialStatus,
  );
  const [recordStatus, setRecordStatus] = useState<RecordStatus | undefined>(
    params.has("record")
      ? recordStatusFromParam(params.get("record") ?? undefined)
      : initialRecordStatus,
  );
  const [tag, setTag] = useState<string | undefined>(
    params.has("tag") ? tagFromParam(params.get("tag") ?? undefined) : initialTag,
  );
  const [q, setQ] = useState(startQ.trim());
  // The search follows the typing after a pause; the status applies at once.
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const tooLong = q.length > 200;
  // The address keeps the filter without a new page load (Next.js follows replaceState).
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    if (q) params.set("q", q);
    else params.delete("q");
    if (status) params.set("status", status);
    else params.delete("status");
    if (recordStatus) params.set("record", recordStatus);
    else params.delete("record");
    if (tag) params.set("tag", tag);
    else params.delete("tag");
    const search = params.toString();
    const url = `${window.location.pathname}${search ? `?${search}` : ""}`;
    if (url !== `${window.location.pathname}${window.location.search}`)
      window.history.replaceState(null, "", url);
  }, [q, status, recordStatus, tag]);

  const filtering = Boolean(q || status || recordStatus || tag);
  const input = {
    teamId,
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(recordStatus ? { recordStatus } : {}),
    ...(tag ? { tag } : {}),
  };
  const sameAsServer =
    q === initialQ.trim() &&
    status === initialStatus &&
    recordStatus === initialRecordStatus &&
    tag === initialTag;
  const statusLabel = status
    ? STATUS_FILTERS.find((s) => s.status === status)?.label.toLowerCase()
    : recordStatus
      ? `${recordStatus} records`
      : undefined;
  const tags = tag && !teamTags.includes(tag) ? [...teamTags, tag] : teamTags;
  // A page at a time, the newest first; "Show more" asks for the next.
  const found = useInfiniteQuery({
    ...trpc.project.list.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
    enabled: filtering && !tooLong,
    placeholderData: keepPreviousData,
    ...(sameAsServer && initialResults
      ? { initialData: { pages: [initialResults], pageParams: [null] } }
      : {}),
  });
  const results = found.data?.pages.flatMap((page) => page.items);
  const total = found.data?.pages[0]?.total ?? 0;

  return (
    <div className="space-y-6">
      <search aria-label="Find a decision">
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            setQ(text.trim());
          }}
        >
          <div className="grid min-w-0 flex-1 basis-64 gap-1.5">
            <Label htmlFor={`${id}-q`}>Find a decision</Label>
            <div className="relative">
              <Search
                aria-hidden="true"
                className="-translate-y-1/2 pointer-events-none absolute top-1/2 left-2.5 size-4 text-muted-foreground"
              />
              <Input
                id={`${id}-q`}
                type="search"
                className="pl-8"
                placeholder="Titles and problem statements"
                value={text}
                maxLength={200}
                autoComplete="off"
                onChange={(event) => setText(event.target.value)}
              />
            </div>
          </div>
          {/* On a phone it takes the rest of its row, which ends with the search field's. */}
          <div className="grid gap-1.5 max-sm:flex-auto">
            <Label htmlFor={`${id}-status`}>Status</Label>
            <NativeSelect
              id={`${id}-status`}
              value={status ?? (recordStatus ? `record:${recordStatus}` : "")}
              onChange={(event) => {
                const value = event.target.value;
                setStatus(statusFromParam(value));
                setRecordStatus(
                  value.startsWith("record:") ? recordStatusFromParam(value.slice(7)) : undefined,
                );
              }}
            >
              <option value="">Any status</option>
              <optgroup label="Decision">
                {STATUS_FILTERS.map((s) => (
                  <option key={s.status} value={s.status}>
                    {s.label}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Record">
                {RECORD_STATUS_FILTERS.filter((s) => s.status !== "superseded").map((s) => (
                  <option key={s.status} value={`record:${s.status}`}>
                    Record {s.label.toLowerCase()}
                  </option>
                ))}
              </optgroup>
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-tag`}>Tag</Label>
            <NativeSelect
              id={`${id}-tag`}
              className="max-w-48"
              value={tag ?? ""}
              onChange={(event) => setTag(tagFromParam(event.target.value))}
            >
              <option value="">Any tag</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </NativeSelect>
          </div>
          {filtering || text ? (
            // On a phone it fills what its row leaves, never a row to itself at the start.
            <Button
              type="button"
              variant="ghost"
              className="max-sm:flex-auto"
              onClick={() => {
                setText("");
                setQ("");
                setStatus(undefined);
                setRecordStatus(undefined);
                setTag(undefined);
              }}
            >
              Clear
            </Button>
          ) : null}
        </form>
      </search>
      {!filtering ? (
        (children ?? <DashboardLoader slug={slug} teamId={teamId} />)
      ) : (
        <section aria-labelledby={`${id}-results`} className="space-y-3">
          <h2 id={`${id}-results`} className="font-medium text-lg">
            Matching decisions
          </h2>
          <p aria-live="polite" className="text-muted-foreground text-sm" data-testid="find-count">
            {found.isError
              ? "The search failed. Check your connection and try again."
              : !results
                ? "Searching…"
                : results.length === 0
                  ? `No decision matches${q ? ` “${q}”` : ""}${statusLabel ? ` among ${statusLabel}` : ""}${tag ? ` tagged ${tag}` : ""}. Try fewer words, another status or another tag.`
                  : `${total} ${total === 1 ? "decision matches" : "decisions match"}${results.length < total ? `; the newest ${results.length} are shown` : ""}.`}
          </p>
          {results && results.length > 0 ? (
            <ul
              className="divide-y divide-border rounded-xl border border-border"
              data-testid="find-results"
            >
              {results.map((p) => {
                const label = STATUS_FILTERS.find((s) => s.status === p.status);
                // The record's word where it says more than the project's status.
                const record =
                  p.recordStatus === "proposed" || p.recordStatus === "superseded"
                    ? undefined
                    : RECORD_STATUS_FILTERS.find((s) => s.status === p.recordStatus);
                return (
                  <li key={p.id}>
                    <Link
                      href={`/t/${slug}/p/${p.id}`}
                      className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 hover:bg-accent"
                    >
                      <span className="min-w-0 font-medium">
                        <NumberedTitle number={p.number} title={p.title} />
                      </span>
                      <span className="flex flex-wrap items-center gap-2 text-muted-foreground text-xs">
                        {p.tags.map((t) => (
                          <Badge key={t} variant="outline" data-testid="project-tag">
                            #{t}
                          </Badge>
                        ))}
                        {p.deadline ? (
                          <DeadlineLabel date={dateFormat.format(new Date(p.deadline))} />
                        ) : null}
                        {label ? <Badge variant={label.variant}>{label.label}</Badge> : null}
                        {record ? (
                          <Badge variant={record.variant}>
                            Record {record.label.toLowerCase()}
                          </Badge>
                        ) : null}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {found.hasNextPage ? (
            <div className="space-y-2">
              <NextPageButton pages={found}>Show more decisions</NextPageButton>
              {found.isFetchNextPageError ? (
                <p className="text-destructive text-sm">
                  More decisions could not be loaded. Check your connection and try again.
                </p>
              ) : null}
            </div>
          ) : null}
        </section>
      )}
    </div>
  );
}

/** The dashboard for a page that was rendered with a filter on, once the filter is cleared. */
function DashboardLoader({ slug, teamId }: { slug: string; teamId: string }) {
  const trpc = useTRPC();
  const dashboard = useQuery(trpc.dashboard.get.queryOptions({ teamId }));
  if (dashboard.isPending) return <Skeleton className="h-40 w-full" />;
  if (dashboard.isError) return <LoadFailed what="The dashboard" />;
  return <DashboardLists slug={slug} dashboard={dashboard.data} />;
}
