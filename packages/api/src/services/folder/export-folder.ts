import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import type { MarkdownVariant } from "../export/markdown";
import { loadRecordView, type RecordView } from "../record/record-view";
import { buildDecisionFolder } from "./folder";

/**
 * The team's records as a docs/decisions folder (or one project's record in it). Every project
 * that was opened is a record: open ones as proposed (voting open, no vote-derived numbers), the
 * rest as decided. `now` stands for the clock (tests): no file may depend on it.
 */
export async function exportFolder(
  db: PrismaClient,
  scope: { teamId: string; appUrl?: string | null; now?: Date },
  input: { format: MarkdownVariant; projectId?: string | undefined },
) {
  const projects = await db.project.findMany({
    where: {
      teamId: scope.teamId,
      status: { not: "DRAFT" },
      ...(input.projectId ? { id: input.projectId } : {}),
    },
    orderBy: { number: "asc" },
    select: { id: true },
  });
  if (input.projectId && !projects.length)
    throw new DomainError(
      "NOT_FOUND",
      "Decision project was not found, or it is still a draft (open it to record it).",
    );
  const views: RecordView[] = [];
  for (const { id } of projects)
    views.push(
      await loadRecordView(
        db,
        { teamId: scope.teamId, projectId: id },
        { appUrl: scope.appUrl ?? null, ...(scope.now ? { now: scope.now } : {}) },
      ),
    );
  return { format: input.format, files: buildDecisionFolder(views, input.format) };
}
