"use client";

import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { FileUp } from "lucide-react";
import Link from "next/link";
import { type DragEvent, useEffect, useId, useRef, useState } from "react";
import { NumberedTitle } from "~/components/app/numbered-title";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { buttonVariants } from "~/components/ui/button-variants";
import { cn } from "~/lib/utils";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { type ImportFile, readUploads, type Skipped, UploadError } from "./read-upload";

type Result = RouterOutputs["export"]["importFolder"];

/**
 * Import a docs/decisions folder (adr-tools, MADR 2 to 4, log4brains): drop or pick a zip of
 * it or its .md files, see the preview the CLI's `--dry-run` shows (what will be created, what
 * cannot be read and why), then import it all in one go, or nothing.
 */
export function ImportFolder({ teamId, slug }: { teamId: string; slug: string }) {
  const trpc = useTRPC();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // Importing or cancelling removes the buttons pressed: the focus goes where the reader
  // continues (the records created, or the file picker) instead of the top of the page.
  const choose = useRef<HTMLButtonElement>(null);
  const created = useRef<HTMLHeadingElement>(null);
  const [dragging, setDragging] = useState(false);
  const [upload, setUpload] = useState<{
    names: string[];
    files: ImportFile[];
    skipped: Skipped[];
  } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const preview = useMutation(trpc.export.importFolder.mutationOptions());
  const commit = useMutation(trpc.export.importFolder.mutationOptions());
  useEffect(() => {
    if (commit.data) created.current?.focus();
  }, [commit.data]);

  async function take(list: FileList | null) {
    if (!list || list.length === 0) return;
    setReadError(null);
    setUpload(null);
    preview.reset();
    commit.reset();
    try {
      const uploads = await Promise.all(
        [...list].map(async (file) => ({
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        })),
      );
      const read = readUploads(uploads);
      setUpload({ names: uploads.map((u) => u.name), ...read });
      if (read.files.length > 0) preview.mutate({ teamId, files: read.files, dryRun: true });
    } catch (error) {
      setReadError(
        error instanceof UploadError ? error.message : "Those files could not be read. Try again.",
      );
    }
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    void take(event.dataTransfer.files);
  }

  const result: Result | undefined = commit.data ?? preview.data;
  const byName = (a: { fileName: string }, b: { fileName: string }) =>
    a.fileName.localeCompare(b.fileName);
  // Files already in the team, unchanged, are not offered again: they are listed on their own.
  const already = (result?.skipped ?? []).filter((s) => s.importedAs !== undefined).sort(byName);
  // Records the reader may not revise or supersede: left as they are, saying who can.
  const conflicts = (result?.skipped ?? []).filter((s) => s.conflict !== undefined).sort(byName);
  const skipped = [
    ...(upload?.skipped ?? []),
    ...(result?.skipped ?? []).filter((s) => s.importedAs === undefined && !s.conflict),
  ].sort(byName);
  const count = result?.records.length ?? 0;
  const revised = result?.records.filter((r) => r.revises).length ?? 0;
  const plural = (n: number) => `${n} ${n === 1 ? "record" : "records"}`;
  const records = plural(count);
  // "Will create 2 records and revise 1", "Revised 1 record".
  const verbs = result?.dryRun ? ["create", "revise"] : ["created", "revised"];
  const said = [
    ...(count - revised ? [`${verbs[0]} ${plural(count - revised)}`] : []),
    ...(revised ? [`${verbs[1]} ${count - revised ? revised : plural(revised)}`] : []),
  ].join(" and ");
  const heading = result?.dryRun
    ? `Will ${said}`
    : `${said.charAt(0).toUpperCase()}${said.slice(1)}`;

  return (
    <div className="space-y-4">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the button below picks the same files */}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-drop-zone"
        className={cn(
          "flex flex-col items-center gap-3 rounded-xl border-2 border-dashed p-6 text-center",
          dragging ? "border-primary bg-primary/5" : "border-border",
        )}
      >
        <FileUp aria-hidden="true" className="size-8 text-muted-foreground" />
        <p className="text-sm">
          Drop a zip of your <code>docs/decisions</code> folder, or its <code>.md</code> files,
          here.
        </p>
        <input
          ref={input}
          id={`${id}-files`}
          type="file"
          multiple
          accept=".zip,.md,application/zip,text/markdown"
          aria-label="Files to import"
          className="hidden"
          onChange={(event) => {
            void take(event.target.files);
            event.target.value = "";
          }}
        />
        <Button ref={choose} variant="secondary" onClick={() => input.current?.click()}>
          Choose files
        </Button>
        <p className="text-muted-foreground text-xs">
          adr-tools, MADR 2 to 4 or log4brains; at most 1000 files of 512 KB each.
        </p>
      </div>

      <div aria-live="polite" className="space-y-4">
        {readError ? <Alert variant="error">{readError}</Alert> : null}
        {preview.isPending ? (
          <p className="text-muted-foreground text-sm">Reading {upload?.names.join(", ")}…</p>
        ) : null}
        {preview.error ? <Alert variant="error">{messageOf(preview.error)}</Alert> : null}
        {commit.error ? <Alert variant="error">{messageOf(commit.error)}</Alert> : null}
        {commit.data ? (
          <Alert variant="success">
            Imported {records}.{" "}
            <Link href={`/t/${slug}`} className="underline underline-offset-4">
              See them in the team's decisions
            </Link>
            .
          </Alert>
        ) : null}
        {upload && upload.files.length === 0 ? (
          <Alert variant="error">
            Nothing in that upload can be imported; the reasons are below.
          </Alert>
        ) : null}
      </div>

      {result ? (
        <section aria-labelledby={`${id}-records`} className="space-y-3">
          <h3 ref={created} id={`${id}-records`} tabIndex={-1} className="font-medium">
            {count > 0 ? heading : "Nothing to import"}
          </h3>
          {count > 0 ? (
            <ul
              className="divide-y divide-border rounded-xl border border-border"
              data-testid="import-records"
            >
              {result.records.map((r) => (
                <li key={r.fileName} className="space-y-1 px-4 py-3 text-sm">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="min-w-0 break-words font-medium">
                      <NumberedTitle number={r.number} title={r.title} />
                    </span>
                    <span className="flex items-center gap-2 text-muted-foreground text-xs">
                      <Badge variant="outline">{r.status}</Badge>
                      {r.date}
                    </span>
                  </div>
                  <p className="break-all text-muted-foreground text-xs">{r.fileName}</p>
                  {r.revises ? (
                    <p className="text-xs" data-testid="import-revises">
                      Changed since it was imported: {result.dryRun ? "becomes" : "is now"} revision{" "}
                      {r.revises.revision} of record {r.number}, which keeps its number and file.
                    </p>
                  ) : null}
                  {r.supersedes.length ? (
                    <p className="text-xs">Supersedes {r.supersedes.join(", ")}</p>
                  ) : null}
                  {r.supersededBy.length ? (
                    <p className="text-xs">Superseded by {r.supersededBy.join(", ")}</p>
                  ) : null}
                  {r.warnings.map((w) => (
                    <p key={w} className="text-warning text-xs">
                      {w}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted-foreground text-sm">
              {conflicts.length
                ? "Every record of this folder is already in the team, and the changes to them are not yours to make (below); nothing would be written."
                : already.length
                  ? "Every record of this folder is already in the team, unchanged; nothing would be created."
                  : "No file reads as a decision record."}
            </p>
          )}
        </section>
      ) : null}

      <FileNotes
        headingId={`${id}-already`}
        heading="Already imported"
        testId="import-already"
        files={already.map((s) => ({
          key: s.fileName,
          fileName: s.fileName,
          note: `record ${s.importedAs} of the team, unchanged since it was imported; not imported again`,
        }))}
      />
      <FileNotes
        headingId={`${id}-conflicts`}
        heading="Left as they are, not yours to revise or supersede"
        testId="import-conflicts"
        files={conflicts.map((s) => ({ key: s.fileName, fileName: s.fileName, note: s.reason }))}
      />
      <FileNotes
        headingId={`${id}-skipped`}
        heading="Not imported"
        testId="import-skipped"
        files={skipped.map((s) => ({
          key: `${s.fileName}:${s.reason}`,
          fileName: s.fileName,
          note: s.reason,
        }))}
      />

      {result?.dryRun && count > 0 && upload ? (
        <div className="flex flex-wrap gap-3">
          <Button
            loading={commit.isPending}
            onClick={() => commit.mutate({ teamId, files: upload.files, dryRun: false })}
          >
            Import {records}
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              setUpload(null);
              preview.reset();
              choose.current?.focus();
            }}
          >
            Cancel
          </Button>
        </div>
      ) : null}
      {commit.data ? (
        <Link className={buttonVariants({ variant: "secondary" })} href={`/t/${slug}`}>
          Back to decisions
        </Link>
      ) : null}
    </div>
  );
}

/** Files of the folder that are not imported, each with the reason; nothing when there are none. */
function FileNotes({
  headingId,
  heading,
  testId,
  files,
}: {
  headingId: string;
  heading: string;
  testId: string;
  files: { key: string; fileName: string; note: string }[];
}) {
  if (files.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="font-medium">
        {heading} ({files.length})
      </h3>
      <ul className="divide-y divide-border rounded-xl border border-border" data-testid={testId}>
        {files.map((file) => (
          <li key={file.key} className="px-4 py-3 text-sm">
            <span className="break-all font-medium">{file.fileName}</span>
            <span className="text-muted-foreground">: {file.note}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
