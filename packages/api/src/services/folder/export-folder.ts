import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import type { MarkdownVariant } from "../export/markdown";
import { readRecordSource } from "../record/record-source";
import { loadRecordViews } from "../record/record-view";
import { buildDecisionFolder, folderFileNames, type NamedRecord } from "./folder";

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
  // Read together, a few hundred projects per round of queries: one by one, a team with a
  // thousand records ran thousands of queries and the download did not finish.
  const views = await loadRecordViews(
    db,
    { teamId: scope.teamId, projectIds: projects.map((p) => p.id) },
    { appUrl: scope.appUrl ?? null, ...(scope.now ? { now: scope.now } : {}) },
  );
  return { format: input.format, files: buildDecisionFolder(views, input.format) };
}

/**
 * The name a project's record has in the team's folder (`export.folder`, `tradeoff export
 * --all`), so a single Markdown download is the same file: adr-tools' and MADR's `NNNN-title.md`,
 * log4brains' `YYYYMMDD-title.md`, an imported record's own file name, `-N` where two would
 * clash. A project the folder leaves out (a draft, the sample decision) is named as the folder
 * would name it alone.
 */
export async function folderFileName(
  db: PrismaClient,
  scope: { teamId: string; projectId: string },
  format: MarkdownVariant,
): Promise<string> {
  const select = {
    id: true,
    number: true,
    title: true,
    createdAt: true,
    record: { select: { decidedAt: true, source: true } },
  } as const;
  const [team, one] = await Promise.all([
    db.project.findMany({
      where: { teamId: scope.teamId, status: { not: "DRAFT" }, isSample: false },
      select,
    }),
    db.project.findFirstOrThrow({ where: { id: scope.projectId, teamId: scope.teamId }, select }),
  ]);
  const named = (p: typeof one): NamedRecord => {
    const source = readRecordSource(p.record?.source);
    return {
      project: { id: p.id, number: p.number, title: p.title, createdAt: p.createdAt.toISOString() },
      decision: p.record ? { decidedAt: p.record.decidedAt.toISOString() } : null,
      source: source && { fileName: source.fileName, format: source.format },
    };
  };
  const inFolder = team.some((p) => p.id === one.id);
  const names = folderFileNames((inFolder ? team : [one]).map(named), format);
  return names.get(one.id) as string;
}
