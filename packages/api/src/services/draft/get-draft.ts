import type { Prisma, PrismaClient } from "@tradeoff/db";
import { hasRole, type TeamActor } from "../../domain/roles";
import { canManageProject } from "../project/access";
import { findTeamProject } from "../project/find-team-project";
import { acceptanceNeeds } from "./acceptance-needs";
import { approvalStatus, reviewerIds, reviewersSelect } from "./approval";
import { DRAFT_COMMENT_LIMIT } from "./comment-draft";
import { readDraftText } from "./draft-text";
import { draftFieldsSelect, readDraftFields } from "./structured-fields";

const userName = { select: { id: true, name: true, email: true } } as const;
const nameOf = (u: { name: string | null; email: string | null } | null) =>
  u ? (u.name ?? u.email ?? "Member") : null;

export const draftSelect = {
  id: true,
  status: true,
  ...draftFieldsSelect,
  fieldsChangedBy: true,
  text: true,
  textVersion: true,
  sharedBeforeAcceptance: true,
  overrideReason: true,
  acceptedAt: true,
  discardedAt: true,
  discardedById: true,
  createdAt: true,
  startedBy: userName,
  team: reviewersSelect,
  reviews: {
    select: {
      userId: true,
      verdict: true,
      comment: true,
      textVersion: true,
      createdAt: true,
      user: userName,
    },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.RecordDraftSelect;

type DraftRow = Prisma.RecordDraftGetPayload<{ select: typeof draftSelect }>;

/** The fields of a draft as the page and the share link read them (dates as ISO strings). */
export function draftView(row: DraftRow, rule: "ALL" | "MAJORITY") {
  const fields = readDraftFields(row);
  const reviews = row.reviews.map((r) => ({
    userId: r.userId,
    name: nameOf(r.user) ?? "Member",
    verdict: r.verdict,
    comment: r.comment,
    at: r.createdAt.toISOString(),
    textVersion: r.textVersion,
    /** Given before the text or the fields last changed: it must be given again. */
    stale: r.textVersion < row.textVersion,
    /** Whether the reviewer is still a named decision-maker. */
    decisionMaker: fields.decisionMakers.some((p) => p.userId === r.userId),
  }));
  return {
    id: row.id,
    status: row.status,
    chosenOptionKey: row.chosenOptionKey,
    decisionMakers: fields.decisionMakers,
    consulted: fields.consulted,
    informed: fields.informed,
    reviewDate: fields.reviewDate,
    links: fields.links,
    fieldsChangedBy: readChangedBy(row.fieldsChangedBy),
    text: readDraftText(row.text),
    textVersion: row.textVersion,
    sharedBeforeAcceptance: row.sharedBeforeAcceptance,
    overrideReason: row.overrideReason,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    discardedAt: row.discardedAt?.toISOString() ?? null,
    startedAt: row.createdAt.toISOString(),
    startedBy: nameOf(row.startedBy),
    reviews,
    approval: approvalStatus(
      rule,
      fields.decisionMakers,
      row.reviews,
      row.textVersion,
      reviewerIds(row.team),
    ),
  };
}

export type FieldsChangedBy = { userId: string; name: string; fields: string[]; at: string };

function readChangedBy(raw: unknown): FieldsChangedBy | null {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.userId !== "string" || typeof r.name !== "string" || typeof r.at !== "string")
    return null;
  const fields = Array.isArray(r.fields)
    ? r.fields.filter((f): f is string => typeof f === "string")
    : [];
  return { userId: r.userId, name: r.name, fields, at: r.at };
}

/**
 * The draft page: the project's options and status, the draft (null before it is started) with
 * its reviews (stale ones marked), its comments and what the approval rule needs.
 */
export async function getDraft(db: PrismaClient, actor: TeamActor, input: { projectId: string }) {
  const project = await findTeamProject(
    db,
    { teamId: actor.teamId, projectId: input.projectId },
    {
      id: true,
      title: true,
      status: true,
      createdById: true,
      approvalRule: true,
      options: { select: { key: true, name: true }, orderBy: { position: "asc" } },
      record: { select: { id: true } },
      recordDraft: {
        select: {
          ...draftSelect,
          comments: {
            select: {
              id: true,
              body: true,
              field: true,
              quote: true,
              resolvedAt: true,
              createdAt: true,
              author: userName,
            },
            orderBy: { createdAt: "asc" },
            // Every comment: a draft takes no more than this many.
            take: DRAFT_COMMENT_LIMIT,
          },
        },
      },
    },
  );
  const row = project.recordDraft;
  // Who set a discarded draft aside (the page says so); no name once their account is gone.
  const discarder = row?.discardedById
    ? await db.user.findUnique({
        where: { id: row.discardedById },
        select: { name: true, email: true },
      })
    : null;
  // What accepting would ask for, for those who may accept, while the draft is open.
  const acceptance =
    row?.status === "PROPOSED" && hasRole(actor.role, "MEMBER") && !project.record
      ? await acceptanceNeeds(db, actor, project, row.chosenOptionKey)
      : null;
  return {
    viewer: {
      userId: actor.userId,
      role: actor.role,
      canEdit: hasRole(actor.role, "MEMBER"),
      canOverride: hasRole(actor.role, "ADMIN"),
      canManage: canManageProject(actor, project),
    },
    project: {
      id: project.id,
      teamId: actor.teamId,
      title: project.title,
      status: project.status,
      approvalRule: project.approvalRule,
      options: project.options,
      recorded: project.record !== null,
    },
    draft: row
      ? {
          ...draftView(row, project.approvalRule),
          discardedBy: nameOf(discarder),
          acceptance,
          comments: row.comments.map((c) => ({
            id: c.id,
            body: c.body,
            field: c.field,
            quote: c.quote,
            resolved: c.resolvedAt !== null,
            at: c.createdAt.toISOString(),
            author: c.author ? { id: c.author.id, name: nameOf(c.author) ?? "Member" } : null,
          })),
        }
      : null,
  };
}
