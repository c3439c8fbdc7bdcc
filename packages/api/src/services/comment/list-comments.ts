import type { PrismaClient } from "@tradeoff/db";
import { commentSelect, toCommentView } from "./comment-select";

export type ListCommentsInput = {
  projectId: string;
  teamId: string;
  userId: string;
  /** null: the whole project's thread; a key: that criterion's; undefined: every thread. */
  thread?: string | null;
  /** The oldest comment of the previous page: this page holds the ones before it. */
  cursor?: string | null;
  limit?: number;
};

/**
 * A project's comments a page at a time, the newest page first and each page oldest first (as a
 * thread reads), with `nextCursor` for the older ones (null once there are none) and how many
 * comments, not deleted, each thread holds in all (`counts`, the whole project's under "").
 */
export async function listComments(db: PrismaClient, input: ListCommentsInput) {
  const limit = input.limit ?? 50;
  const inProject = { projectId: input.projectId, project: { teamId: input.teamId } };
  const thread =
    input.thread === undefined
      ? {}
      : input.thread === null
        ? { criterionId: null }
        : { criterion: { key: input.thread } };
  const [rows, counts] = await Promise.all([
    db.comment.findMany({
      where: { ...inProject, ...thread },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      take: limit + 1,
      select: commentSelect,
    }),
    db.comment.groupBy({
      by: ["criterionId"],
      where: { ...inProject, deletedAt: null },
      _count: { _all: true },
    }),
  ]);
  const keys = await db.criterion.findMany({
    where: { projectId: input.projectId, id: { in: counts.flatMap((c) => c.criterionId ?? []) } },
    select: { id: true, key: true },
  });
  const keyOf = new Map(keys.map((c) => [c.id, c.key]));
  const page = rows.slice(0, limit);
  return {
    items: page.reverse().map((row) => toCommentView(row, input.userId)),
    nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null,
    counts: Object.fromEntries(
      counts.map((c) => [
        c.criterionId === null ? "" : (keyOf.get(c.criterionId) ?? ""),
        c._count._all,
      ]),
    ) as Record<string, number>,
  };
}
