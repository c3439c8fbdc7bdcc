import type { PrismaClient } from "@tradeoff/db";

/**
 * The caller's unseen mentions in one team, newest first: their "needs attention" list. A
 * mention is seen once its project's discussion has been opened (`markMentionsSeen`).
 */
export async function listMyMentions(db: PrismaClient, input: { teamId: string; userId: string }) {
  const rows = await db.mention.findMany({
    where: {
      userId: input.userId,
      seenAt: null,
      comment: { deletedAt: null, project: { teamId: input.teamId } },
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      createdAt: true,
      comment: {
        select: {
          id: true,
          body: true,
          criterion: { select: { key: true, name: true } },
          author: { select: { name: true, email: true } },
          project: { select: { id: true, number: true, title: true } },
        },
      },
    },
  });
  return rows.map(({ id, createdAt, comment }) => ({
    id,
    createdAt,
    commentId: comment.id,
    project: comment.project,
    criterion: comment.criterion,
    author: comment.author?.name ?? comment.author?.email ?? "Someone",
    excerpt: excerptOf(comment.body),
  }));
}

/** The first words of a comment, with mention tokens shown as names. */
function excerptOf(body: string): string {
  const plain = body
    .replace(/@\[([^\]\n]+)\]\([^)\n]+\)/g, "@$1")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > 140 ? `${plain.slice(0, 139)}…` : plain;
}

/** Marks the caller's mentions in a project as seen (they opened its discussion). */
export async function markMentionsSeen(
  db: PrismaClient,
  input: { projectId: string; teamId: string; userId: string },
) {
  const { count } = await db.mention.updateMany({
    where: {
      userId: input.userId,
      seenAt: null,
      comment: { projectId: input.projectId, project: { teamId: input.teamId } },
    },
    data: { seenAt: new Date() },
  });
  return { seen: count };
}
