"use client";

import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { NumberedTitle } from "~/components/app/numbered-title";
import { ProjectSubpageHeader } from "~/components/app/project-subpage-header";
import { RenderedText } from "~/components/markdown/rendered-text";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { buttonVariants } from "~/components/ui/button-variants";
import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui/card";
import { useTRPC } from "~/trpc/react";
import { ExportLinks, SharePanel, SupersedeForm } from "./record-actions";
import { RecordDocument, type RecordMarkdown, recordTime, STATUS_TEXT } from "./record-document";
import { RecordForm } from "./record-form";

type Record = RouterOutputs["record"]["get"];

/** The record's shared draft while it is open: the team's record in progress. */
export type OpenDraft = { href: string; startedBy: string | null; startedAt: string };

/**
 * The decision record: the form to record the outcome while none is recorded (admins and the
 * creator), or the way to the shared draft while the team writes the record there; then the
 * read-only record with its revisions, supersession, exports and share links.
 */
export function RecordPage({
  initial,
  slug,
  openDraft = null,
  markdown,
}: {
  initial: Record;
  slug: string;
  openDraft?: OpenDraft | null;
  markdown?: RecordMarkdown;
}) {
  const trpc = useTRPC();
  const projectId = initial.view.project.id;
  const { data } = useQuery(trpc.record.get.queryOptions({ projectId }, { initialData: initial }));
  const { view, revisions, canManage } = data ?? initial;
  const [revising, setRevising] = useState(false);
  const canRecord =
    view.draft &&
    canManage &&
    (view.project.status === "OPEN" || view.project.status === "DECIDED");
  const projectUrl = `/t/${slug}/p/${projectId}`;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <ProjectSubpageHeader
        projectUrl={projectUrl}
        title={<NumberedTitle number={view.project.number} title={view.project.title} />}
        badge={
          <Badge variant={view.draft ? "neutral" : "success"} data-testid="record-status">
            {view.draft
              ? `${STATUS_TEXT[view.project.status]}, not recorded`
              : STATUS_TEXT[view.project.status]}
          </Badge>
        }
      />

      {canRecord ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Record the decision</CardTitle>
          </CardHeader>
          <CardContent>
            {openDraft ? (
              <div className="space-y-3 text-sm" data-testid="record-open-draft">
                <p>
                  The team is writing this record in a shared draft
                  {openDraft.startedBy ? ` started by ${openDraft.startedBy}` : ""} on{" "}
                  {recordTime(openDraft.startedAt)}. Record the decision by accepting that draft
                  once its decision-makers approve it. If it should not become the record, discard
                  it on the draft page first; then this page records from the form.
                </p>
                <Link className={buttonVariants({ variant: "primary" })} href={openDraft.href}>
                  Open the record draft
                </Link>
              </div>
            ) : (
              <>
                <p className="mb-4 text-muted-foreground text-sm">
                  Recording closes voting and marks the project decided. Later changes are kept as
                  revisions.
                </p>
                <RecordForm view={view} mode="decide" />
              </>
            )}
          </CardContent>
        </Card>
      ) : null}

      <RecordDocument
        view={view}
        linkTo={(id) => `/t/${slug}/p/${id}/record`}
        markdown={markdown}
      />

      {!view.draft && canManage ? (
        revising ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">Revise the decision</CardTitle>
            </CardHeader>
            <CardContent>
              <RecordForm view={view} mode="revise" onDone={() => setRevising(false)} />
            </CardContent>
          </Card>
        ) : (
          <Button variant="secondary" onClick={() => setRevising(true)}>
            Revise the record
          </Button>
        )
      ) : null}

      {revisions.length ? (
        <RecordSection id="revisions" title="Revisions">
          <ol className="space-y-2 text-sm">
            {revisions.map((r) => (
              <li key={r.revision} className="rounded-md border p-2">
                <p className="font-medium">
                  Revision {r.revision} by {r.author}, {recordTime(r.createdAt)}
                </p>
                {r.note ? <p>{r.note}</p> : null}
                <details>
                  <summary className="cursor-pointer text-muted-foreground">
                    Show this revision
                  </summary>
                  <div className="wrap-anywhere">
                    Chosen option:{" "}
                    {view.options.find((o) => o.key === r.fields.chosenOptionKey)?.name}, because{" "}
                    <RenderedText text={r.fields.rationale} rendered={markdown?.inline} />
                  </div>
                </details>
              </li>
            ))}
          </ol>
        </RecordSection>
      ) : null}

      <RecordSection id="export" title="Export">
        <ExportLinks projectId={projectId} />
      </RecordSection>

      {canManage ? (
        <RecordSection id="share" title="Share a read-only link">
          <SharePanel projectId={projectId} />
        </RecordSection>
      ) : null}

      {canManage &&
      (view.project.status === "DECIDED" || view.project.status === "SUPERSEDED") &&
      !view.draft ? (
        <RecordSection id="supersede" title="Supersede">
          <SupersedeForm view={view} />
        </RecordSection>
      ) : null}
    </div>
  );
}

/** A part of the record page under its own heading. */
function RecordSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="font-semibold text-lg">
        {title}
      </h2>
      {children}
    </section>
  );
}
