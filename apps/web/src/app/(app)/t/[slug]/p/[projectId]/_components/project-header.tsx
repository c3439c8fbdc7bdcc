"use client";

import type { RouterOutputs } from "@tradeoff/api";
import { ArrowLeft, CalendarClock, EyeOff, MoreHorizontal, Tag } from "lucide-react";
import Link from "next/link";
import { NumberedTitle } from "~/components/app/numbered-title";
import { StartDraftButton } from "~/components/draft/review/start-draft-button";
import { type RenderedMarkdown, RenderedText } from "~/components/markdown/rendered-text";
import { SampleBanner } from "~/components/sample/sample-buttons";
import { Badge, type BadgeProps } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { type ButtonVariant, buttonVariants } from "~/components/ui/button-variants";
import { Deferred } from "~/components/ui/deferred";
import { RecordLink } from "../record/_components/record-link";
import type { StatusChange } from "./status-dialogs";

type Project = RouterOutputs["project"]["get"];

export const STATUS_LABEL: Record<
  Project["status"],
  { label: string; variant: BadgeProps["variant"] }
> = {
  DRAFT: { label: "Draft", variant: "neutral" },
  OPEN: { label: "Open for voting", variant: "primary" },
  DECIDED: { label: "Closed", variant: "success" },
  SUPERSEDED: { label: "Superseded", variant: "outline" },
  ARCHIVED: { label: "Archived", variant: "outline" },
};

/** The change of status a manager is offered on each status, and its button. */
const STATUS_CHANGE_BUTTONS: Partial<
  Record<Project["status"], { change: StatusChange; label: string; variant: ButtonVariant }>
> = {
  DRAFT: { change: "open", label: "Open for voting", variant: "primary" },
  OPEN: { change: "close", label: "Close voting", variant: "secondary" },
  DECIDED: { change: "reopen", label: "Reopen as a new round", variant: "secondary" },
};

// The menu, its dialog and the confirmations load their code, and the requests they make, when
// someone reaches for them.
const loadActionsMenu = () => import("./project-actions-menu").then((m) => m.ProjectActionsMenu);
const loadStatusDialogs = () => import("./status-dialogs");
const loadTagsDialog = () => import("./tags-dialog").then((m) => m.TagsDialog);

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function ProjectHeader({
  project,
  draftHref,
  renderedContext,
}: {
  project: Project;
  draftHref?: string;
  /** The context as Markdown, rendered by the server page. */
  renderedContext?: RenderedMarkdown;
}) {
  // An archived project says which kind: a proposal rejected, or a decision deprecated.
  const status =
    project.status === "ARCHIVED"
      ? {
          label: project.recordStatus === "rejected" ? "Rejected" : "Deprecated",
          variant: "warning" as const,
        }
      : STATUS_LABEL[project.status];
  const overdue = project.deadline && Date.parse(project.deadline) < Date.now();
  const statusChange = STATUS_CHANGE_BUTTONS[project.status];

  return (
    <header className="space-y-4">
      <Link
        href={`/t/${project.team.slug}`}
        className="inline-flex min-h-11 items-center gap-1 text-muted-foreground text-sm hover:text-foreground"
      >
        <ArrowLeft aria-hidden="true" className="size-4" /> {project.team.name}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-2">
          <h1 className="font-semibold text-2xl tracking-tight">
            <NumberedTitle number={project.number} title={project.title} />
          </h1>
          <div className="flex flex-wrap items-center gap-2 text-muted-foreground text-sm">
            <Badge variant={status.variant} data-testid="project-status">
              {status.label}
            </Badge>
            {project.votingMode === "BLIND" ? (
              <Badge variant="info">
                <EyeOff aria-hidden="true" /> Blind voting
              </Badge>
            ) : null}
            {project.round > 1 ? <Badge variant="outline">Round {project.round}</Badge> : null}
            {project.deadline ? (
              <span
                className={
                  overdue ? "flex items-center gap-1 text-warning" : "flex items-center gap-1"
                }
              >
                <CalendarClock aria-hidden="true" className="size-4" />
                {overdue ? "Deadline passed: " : "Deadline: "}
                {dateFormat.format(new Date(project.deadline))}
              </span>
            ) : null}
            {project.quorum ? <span>Quorum: {project.quorum}</span> : null}
            {project.createdBy?.name ? <span>Started by {project.createdBy.name}</span> : null}
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {project.tags.length ? (
              <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
                {project.tags.map((tag) => (
                  <li key={tag}>
                    <Link
                      href={`/t/${project.team.slug}?tag=${encodeURIComponent(tag)}`}
                      className="inline-flex min-h-6 items-center rounded-md hover:underline"
                      aria-label={`Decisions tagged ${tag}`}
                    >
                      <Badge variant="outline" data-testid="project-tag">
                        #{tag}
                      </Badge>
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
            {project.viewer.canManage ? (
              <Deferred
                load={loadTagsDialog}
                popup="dialog"
                trigger={
                  <Button variant="ghost" size="sm">
                    <Tag aria-hidden="true" /> {project.tags.length ? "Edit tags" : "Add tags"}
                  </Button>
                }
              >
                {(TagsDialog, dialog) => (
                  <TagsDialog
                    {...dialog}
                    projectId={project.id}
                    teamId={project.teamId}
                    tags={project.tags}
                  />
                )}
              </Deferred>
            ) : null}
          </div>
        </div>
        {/* On a phone the buttons fill each row they wrap onto, so the row ends flush instead of
            leaving the menu's button alone on a line of its own. */}
        <div className="flex flex-wrap items-center gap-2 max-sm:w-full max-sm:*:flex-auto">
          <RecordLink
            slug={project.team.slug}
            projectId={project.id}
            status={project.status}
            recorded={project.recorded}
            // A draft that is not the record yet is open: recording leads to it.
            openDraftHref={project.recorded ? undefined : draftHref}
          />
          {draftHref ? (
            <Link className={buttonVariants({ variant: "outline" })} href={draftHref}>
              Open the record draft
            </Link>
          ) : project.viewer.canVote && !project.recorded ? (
            <StartDraftButton
              projectId={project.id}
              slug={project.team.slug}
              status={project.status}
            />
          ) : null}
          {project.viewer.canEdit && project.status === "DRAFT" ? (
            <Link
              className={buttonVariants({ variant: "outline" })}
              href={`/t/${project.team.slug}/p/${project.id}/edit`}
            >
              Edit draft
            </Link>
          ) : null}
          {statusChange && project.viewer.canManage ? (
            <Deferred
              key={statusChange.change}
              load={loadStatusDialogs}
              popup="dialog"
              trigger={<Button variant={statusChange.variant}>{statusChange.label}</Button>}
            >
              {({ StatusChangeDialog }, dialog) => (
                <StatusChangeDialog
                  {...dialog}
                  change={statusChange.change}
                  projectId={project.id}
                  blind={project.votingMode === "BLIND"}
                />
              )}
            </Deferred>
          ) : null}
          {project.viewer.canVote ? (
            <Deferred
              load={loadActionsMenu}
              popup="menu"
              trigger={
                <Button
                  variant="outline"
                  size="icon"
                  className="max-sm:w-auto max-sm:px-4"
                  aria-label="More actions"
                >
                  <MoreHorizontal aria-hidden="true" />
                  {/* Where it may take a row's width, it says what it is. */}
                  <span aria-hidden="true" className="sm:hidden">
                    More
                  </span>
                </Button>
              }
            >
              {(ProjectActionsMenu, menu) => (
                <ProjectActionsMenu
                  {...menu}
                  projectId={project.id}
                  title={project.title}
                  canArchive={project.viewer.canManage && project.status !== "ARCHIVED"}
                  recorded={project.recorded}
                />
              )}
            </Deferred>
          ) : null}
        </div>
      </div>
      {project.isSample ? (
        <SampleBanner
          projectId={project.id}
          slug={project.team.slug}
          canRemove={project.viewer.canManage || project.viewer.canVote}
        />
      ) : null}
      {project.context ? (
        <div
          className="rounded-lg border border-border bg-muted/40 p-4 text-sm leading-relaxed"
          data-testid="project-context"
        >
          <RenderedText text={project.context} rendered={renderedContext} />
        </div>
      ) : null}
    </header>
  );
}
