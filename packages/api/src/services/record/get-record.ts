import type { PrismaClient } from "@tradeoff/db";
import type { TeamActor } from "../../domain/roles";
import { canManageProject } from "../project/access";
import { loadRecordView } from "./record-view";
import { readRecordFields } from "./stored-fields";

/**
 * The record page: the record view (draft until decided), every revision with who and when,
 * and whether the caller may record, revise or supersede it.
 */
export async function getRecord(
  db: PrismaClient,
  actor: TeamActor & { appUrl?: string | null },
  input: { projectId: string },
) {
  const view = await loadRecordView(
    db,
    { teamId: actor.teamId, projectId: input.projectId },
    { appUrl: actor.appUrl ?? null },
  );
  const [project, revisions] = await Promise.all([
    db.project.findFirst({
      where: { id: input.projectId, teamId: actor.teamId },
      select: { createdById: true },
    }),
    db.decisionRecordRevision.findMany({
      where: { record: { projectId: input.projectId, teamId: actor.teamId } },
      orderBy: { revision: "desc" },
      select: {
        revision: true,
        note: true,
        data: true,
        createdAt: true,
        author: { select: { name: true, email: true } },
      },
    }),
  ]);
  return {
    view,
    canManage: canManageProject(actor, { createdById: project?.createdById ?? null }),
    revisions: revisions.map((r) => ({
      revision: r.revision,
      note: r.note,
      createdAt: r.createdAt,
      author: r.author?.name ?? r.author?.email ?? "Former member",
      fields: readRecordFields(r.data as unknown as Parameters<typeof readRecordFields>[0]),
    })),
  };
}
