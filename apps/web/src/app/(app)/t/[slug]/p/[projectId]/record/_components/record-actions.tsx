"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link2 } from "lucide-react";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { DownloadLinks } from "~/components/app/download-links";
import { NextPageButton } from "~/components/app/next-page-button";
import { ShownOnce } from "~/components/app/shown-once";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { toast } from "~/components/ui/toaster";
import { newIdempotencyKey } from "~/lib/idempotency-key";
import {
  dropRefusalOnEdit,
  fieldErrorsOf,
  formErrorsOf,
  isTRPCClientError,
  messageOf,
} from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { toastOutcome } from "~/trpc/toast-outcome";
import { type RecordView, SUPERSEDED_BY_ID } from "./record-document";

const EXPORTS = [
  { format: "madr", label: "Markdown (MADR)" },
  { format: "log4brains", label: "Markdown (log4brains)" },
  { format: "nygard", label: "Markdown (Nygard / adr-tools)" },
  { format: "pdf", label: "PDF (A4)" },
  { format: "pdf&paper=letter", label: "PDF (Letter)" },
  { format: "json", label: "JSON (whole record)" },
  { format: "csv", label: "CSV of the votes" },
  { format: "csv&table=events", label: "CSV of the history" },
] as const;

/**
 * Download links: the export route streams each file with its NNNN-title name; a download the
 * server refuses says why on the page.
 */
export function ExportLinks({ projectId }: { projectId: string }) {
  return (
    <DownloadLinks
      label="Export"
      links={EXPORTS.map((e) => ({
        href: `/api/export/${projectId}?format=${e.format}`,
        label: e.label,
      }))}
    />
  );
}

/** Marks this decision as superseded by other projects of the team. */
export function SupersedeForm({ view }: { view: RecordView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The team's decisions a page at a time, the newest first.
  const projects = useInfiniteQuery(
    trpc.project.list.infiniteQueryOptions(
      { teamId: view.team.id },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const [picked, setPicked] = useState<string[]>([]);
  const submitButton = useRef<HTMLButtonElement>(null);
  // Set once marked: the picked decisions then supersede it and leave the list, and the
  // keyboard moves to the line that says so (shown once the record is read again) instead of
  // falling to the page's start with the button.
  const [focusStatus, setFocusStatus] = useState(false);
  const supersede = useMutation(
    trpc.record.supersede.mutationOptions(
      toastOutcome("Marked as superseded.", async () => {
        await queryClient.invalidateQueries({
          queryKey: trpc.record.get.queryKey({ projectId: view.project.id }),
        });
        setPicked([]);
        setFocusStatus(true);
      }),
    ),
  );
  const successors = view.supersededBy.length;
  useEffect(() => {
    if (!focusStatus || successors === 0) return;
    setFocusStatus(false);
    const active = document.activeElement;
    if (active === submitButton.current || active === document.body || !active?.isConnected)
      document.getElementById(SUPERSEDED_BY_ID)?.focus();
  }, [focusStatus, successors]);
  const candidates = (projects.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (p) => p.id !== view.project.id && !view.supersededBy.some((s) => s.id === p.id),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    supersede.mutate({ projectId: view.project.id, successorIds: picked });
  }
  if (candidates.length === 0 && !projects.hasNextPage)
    return (
      <p className="text-muted-foreground text-sm">
        No other decision of this team can supersede it yet.
      </p>
    );
  return (
    <form onSubmit={submit} className="space-y-2" aria-label="Supersede this decision">
      <fieldset className="space-y-1">
        <legend className="text-sm">Superseded by (one or more):</legend>
        {candidates.map((p) => (
          <label key={p.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={picked.includes(p.id)}
              onChange={(e) =>
                setPicked((prev) =>
                  e.target.checked ? [...prev, p.id] : prev.filter((id) => id !== p.id),
                )
              }
            />
            #{p.number} {p.title}
          </label>
        ))}
        <NextPageButton pages={projects} variant="ghost">
          Show older decisions
        </NextPageButton>
      </fieldset>
      <Button
        ref={submitButton}
        type="submit"
        variant="secondary"
        disabled={picked.length === 0}
        loading={supersede.isPending}
      >
        Mark as superseded
      </Button>
    </form>
  );
}

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

type ShareLinkFacts = {
  createdAt: string;
  createdBy: string | null;
  showVotes: boolean;
  expiresAt: string | null;
};

/**
 * When and by whom a share link was made, what it shows and when it expires: its line in the
 * list, and what its Revoke button names, so each link's button is told apart.
 */
function linkFacts(l: ShareLinkFacts): string {
  return [
    dateTime.format(new Date(l.createdAt)),
    l.createdBy ? ` by ${l.createdBy}` : "",
    l.showVotes ? ", with votes" : "",
    l.expiresAt ? `, expires ${dateTime.format(new Date(l.expiresAt))}` : "",
  ].join("");
}

/** Creates and revokes the record's public read-only links. */
export function SharePanel({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const links = useQuery(trpc.share.list.queryOptions({ projectId }));
  const [created, setCreated] = useState<string | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.share.list.queryKey({ projectId }) });
  // The key of this attempt: a retry after a lost answer sends it again, and the server says the
  // link exists (its address cannot be shown twice) instead of creating a second one. A new key
  // once the attempt is answered either way.
  const attemptKey = useRef<string | null>(null);
  const create = useMutation(
    trpc.share.create.mutationOptions({
      onSuccess: async (link) => {
        attemptKey.current = null;
        setCreated(`${window.location.origin}${link.path}`);
        await refresh();
      },
      // A refused expiry date is said next to its field; anything else in a toast. A link the
      // attempt already created shows up in the list, with its Revoke button.
      onError: async (error) => {
        if (isTRPCClientError(error) && error.data?.code === "CONFLICT") {
          attemptKey.current = null;
          await refresh();
        }
        if (!fieldErrorsOf(error).expiresAt) toast.error(messageOf(error));
      },
    }),
  );
  const expiryError = formErrorsOf(create.error).fields.expiresAt?.[0];
  const ids = useId();
  const statusId = (linkId: string) => `${ids}-share-${linkId}`;
  // The revoke button goes with the link's revocation: the keyboard moves to the line that now
  // says "(revoked)", where the button was, when it was on the button.
  const pressed = useRef<{ button: Element; linkId: string } | null>(null);
  const revoke = useMutation(
    trpc.share.revoke.mutationOptions(
      toastOutcome("Link revoked: it stops working at once.", async () => {
        await refresh();
        if (!pressed.current) return;
        const { button, linkId } = pressed.current;
        pressed.current = null;
        const active = document.activeElement;
        if (active === button || active === document.body || !active?.isConnected)
          document.getElementById(statusId(linkId))?.focus();
      }),
    ),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expires = String(form.get("expires") ?? "");
    // One request at a time: a second press while the first is on its way is not another link.
    if (create.isPending) return;
    setCreated(null);
    attemptKey.current ??= newIdempotencyKey();
    create.mutate({
      projectId,
      showVotes: form.get("showVotes") === "on",
      expiresAt: expires ? new Date(`${expires}T23:59:59Z`) : null,
      idempotencyKey: attemptKey.current,
    });
  }
  return (
    <div className="space-y-3">
      <form
        onSubmit={submit}
        onInput={dropRefusalOnEdit(create)}
        className="flex flex-wrap items-end gap-3"
        aria-label="Create a share link"
      >
        <FormField label="Expires on (optional)" error={expiryError}>
          <Input type="date" name="expires" />
        </FormField>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name="showVotes" /> Show individual votes
        </label>
        <Button type="submit" variant="secondary" loading={create.isPending}>
          <Link2 aria-hidden="true" /> Create share link
        </Button>
      </form>
      {created ? (
        <ShownOnce
          title="Anyone with this link can read the record (no account needed):"
          value={created}
          label="Share link"
          data-testid="share-link"
        />
      ) : null}
      {links.data?.length ? (
        <ul className="space-y-1 text-sm">
          {links.data.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center gap-2">
              <span
                id={statusId(l.id)}
                tabIndex={-1}
                className="focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                data-testid="share-link-status"
              >
                Created {linkFacts(l)}
                {l.active ? "" : l.revokedAt ? " (revoked)" : " (expired)"}
              </span>
              {l.active ? (
                <Button
                  size="sm"
                  variant="ghost"
                  loading={revoke.isPending && revoke.variables?.linkId === l.id}
                  onClick={(event) => {
                    pressed.current = { button: event.currentTarget, linkId: l.id };
                    revoke.mutate({ projectId, linkId: l.id });
                  }}
                >
                  Revoke<span className="sr-only"> the share link created {linkFacts(l)}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
