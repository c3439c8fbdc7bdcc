import type { PrismaClient } from "@tradeoff/db";
import { createOnce, isUniqueViolation } from "../../database-errors";
import { DomainError, notFound } from "../../errors";
import { recordEvent } from "../project/events";
import { findTeamProject } from "../project/find-team-project";
import { commentSelect, toCommentView } from "./comment-select";
import { resolveMentions } from "./resolve-mentions";

type Actor = { userId: string; teamId: string };

async function writableProject(tx: Pick<PrismaClient, "project">, actor: Actor, projectId: string) {
  const project = await findTeamProject(
    tx,
    { teamId: actor.teamId, projectId },
    { id: true, status: true },
  );
  if (project.status === "ARCHIVED") {
    throw new DomainError("CONFLICT", "This decision is archived; its discussion is read-only.");
  }
  return project;
}

/**
 * Adds a comment to the project's thread or a criterion's, with a `comment.created` event and
 * a mention for each teammate it @-mentions, all in one transaction.
 */
export async function createComment(
  db: PrismaClient,
  actor: Actor,
  input: {
    projectId: string;
    criterionKey?: string | null;
    body: string;
    /** The page's key for this comment: the same key again answers the comment it added. */
    idempotencyKey?: string;
  },
) {
  const key = input.idempotencyKey ?? null;
  /** The author's comment added with this key in this project, if any. */
  const added = async () => {
    if (!key) return null;
    const comment = await db.comment.findFirst({
      where: { authorId: actor.userId, clientKey: key, projectId: input.projectId },
      select: commentSelect,
    });
    return comment ? toCommentView(comment, actor.userId) : null;
  };
  try {
    return await createOnce(added, () => insertComment(db, actor, input, key));
  } catch (error) {
    // The unique index is per author and key: the key was used on another decision.
    if (key && isUniqueViolation(error)) {
      throw new DomainError(
        "CONFLICT",
        "This idempotency key was already used for one of your comments on another decision: send a new key with each new comment.",
      );
    }
    throw error;
  }
}

function insertComment(
  db: PrismaClient,
  actor: Actor,
  input: { projectId: string; criterionKey?: string | null; body: string },
  clientKey: string | null,
) {
  return db.$transaction(async (tx) => {
    await writableProject(tx, actor, input.projectId);
    let criterionId: string | null = null;
    if (input.criterionKey) {
      const criterion = await tx.criterion.findFirst({
        where: { projectId: input.projectId, key: input.criterionKey },
        select: { id: true },
      });
      if (!criterion) {
        throw new DomainError("BAD_REQUEST", "This decision has no such criterion.", {
          criterionKey: [`Unknown criterion: ${input.criterionKey}.`],
        });
      }
      criterionId = criterion.id;
    }
    const mentioned = await resolveMentions(tx, {
      ...actor,
      authorId: actor.userId,
      body: input.body,
    });
    const comment = await tx.comment.create({
      data: {
        projectId: input.projectId,
        criterionId,
        authorId: actor.userId,
        body: input.body,
        clientKey,
        mentions: { create: mentioned.map((userId) => ({ userId })) },
      },
      select: commentSelect,
    });
    await recordCommentEvent(tx, actor, input.projectId, "comment.created", {
      commentId: comment.id,
      criterionKey: input.criterionKey ?? null,
    });
    return toCommentView(comment, actor.userId);
  });
}

/** The project's history line for a comment written, edited or deleted. */
function recordCommentEvent(
  tx: Parameters<typeof recordEvent>[0],
  actor: Actor,
  projectId: string,
  type: "comment.created" | "comment.edited" | "comment.deleted",
  comment: { commentId: string; criterionKey: string | null },
) {
  return recordEvent(tx, actor, projectId, {
    type,
    criterionKey: comment.criterionKey,
    data: comment,
  });
}

/** The caller's own, not deleted, comment in the project; someone else's is refused. */
async function ownComment(
  tx: Pick<PrismaClient, "comment">,
  actor: Actor,
  input: { projectId: string; commentId: string },
) {
  const comment = await tx.comment.findFirst({
    where: {
      id: input.commentId,
      projectId: input.projectId,
      project: { teamId: actor.teamId },
      deletedAt: null,
    },
    select: { id: true, authorId: true, criterion: { select: { key: true } } },
  });
  if (!comment) throw notFound("Comment");
  if (comment.authorId !== actor.userId) {
    throw new DomainError("FORBIDDEN", "You can only change your own comments.");
  }
  return comment;
}

/** Rewrites one's own comment; mentions follow the new text (new ones notify, removed ones go). */
export async function editComment(
  db: PrismaClient,
  actor: Actor,
  input: { projectId: string; commentId: string; body: string },
) {
  return db.$transaction(async (tx) => {
    await writableProject(tx, actor, input.projectId);
    const existing = await ownComment(tx, actor, input);
    const mentioned = await resolveMentions(tx, {
      ...actor,
      authorId: actor.userId,
      body: input.body,
    });
    await tx.mention.deleteMany({
      where: { commentId: existing.id, userId: { notIn: mentioned } },
    });
    await tx.mention.createMany({
      data: mentioned.map((userId) => ({ commentId: existing.id, userId })),
      skipDuplicates: true,
    });
    const comment = await tx.comment.update({
      where: { id: existing.id },
      data: { body: input.body, editedAt: new Date() },
      select: commentSelect,
    });
    const criterionKey = existing.criterion?.key ?? null;
    await recordCommentEvent(tx, actor, input.projectId, "comment.edited", {
      commentId: existing.id,
      criterionKey: criterionKey,
    });
    return toCommentView(comment, actor.userId);
  });
}

/**
 * Deletes one's own comment: its words and mentions go, its place in the thread and the
 * `comment.deleted` event stay, so the history still shows that something was said and removed.
 */
export async function deleteComment(
  db: PrismaClient,
  actor: Actor,
  input: { projectId: string; commentId: string },
) {
  return db.$transaction(async (tx) => {
    await writableProject(tx, actor, input.projectId);
    const existing = await ownComment(tx, actor, input);
    await tx.mention.deleteMany({ where: { commentId: existing.id } });
    await tx.comment.update({
      where: { id: existing.id },
      data: { body: "", deletedAt: new Date() },
      select: { id: true },
    });
    const criterionKey = existing.criterion?.key ?? null;
    await recordCommentEvent(tx, actor, input.projectId, "comment.deleted", {
      commentId: existing.id,
      criterionKey: criterionKey,
    });
    return { id: existing.id, deleted: true };
  });
}
