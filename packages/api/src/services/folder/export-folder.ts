import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import type { MarkdownVariant } from "../export/markdown";
import { loadRecordView, type RecordView } from "../record/record-view";
import { buildDecisionFolder } from "./folder";

/**
 * The team's records as a docs/decisions folder (or one project's record in it). Every project
 * that was opened is a record: open ones as proposed (voting open, no vote-derived numbers), the
 * rest as decided. `now` stands for the clock (tests): no file may depend on it. The sample
 * decision ("See how it works") is not one of the team's decisions: its votes are fictional
 * teammates', so it is never written to the folder.
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
      isSample: false,
      ...(input.projectId ? { id: input.projectId } : {}),
    },
    orderBy: { number: "asc" },
    select: { id: true },
  });
  if (input.projectId && !projects.length) {
    const sample = await db.project.findFirst({
      where: { id: input.projectId, teamId: scope.teamId, isSample: true },
      select: { id: true },
    });
    if (sample)
      throw new DomainError(
        "NOT_FOUND",
        "This is the sample decision, with fictional teammates: it is not written to the records folder. Export it on its own (export.file) to see what a record looks like.",
      );
    throw new DomainError(
      "NOT_FOUND",
      "Decision project was not found, or it is still a draft (open it to record it).",
    );
  }
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
