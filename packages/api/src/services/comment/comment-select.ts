import type { Prisma } from "@tradeoff/db";

export const commentSelect = {
  id: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  criterion: { select: { key: true } },
  author: { select: { id: true, name: true, email: true } },
} satisfies Prisma.CommentSelect;

type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

/** A comment as the thread shows it; a deleted one keeps its place but not its words. */
export function toCommentView(row: CommentRow, viewerId: string) {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    criterionKey: row.criterion?.key ?? null,
    body: deleted ? "" : row.body,
    deleted,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    author: row.author
      ? { id: row.author.id, name: row.author.name ?? row.author.email ?? "Someone" }
      : null,
    mine: row.author?.id === viewerId,
  };
}

export type CommentView = ReturnType<typeof toCommentView>;
