import type { PrismaClient } from "@tradeoff/db";
import { commentSelect, toCommentView } from "./comment-select";

/** Every comment of the project (all threads), oldest first; the page groups them by thread. */
export async function listComments(
  db: PrismaClient,
  input: { projectId: string; teamId: string; userId: string },
) {
  const rows = await db.comment.findMany({
    where: { projectId: input.projectId, project: { teamId: input.teamId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 2_000,
    select: commentSelect,
  });
  return rows.map((row) => toCommentView(row, input.userId));
}
