import { exportSchema, importSchema } from "../schemas/record";
import { exportRecord } from "../services/export/export-record";
import { importProject } from "../services/export/import-project";
import { createTRPCRouter, projectProcedure, teamProcedure } from "../trpc";

/** Exports of a decision record (MADR, log4brains, Nygard, JSON, CSV, PDF) and JSON import. */
export const exportRouter = createTRPCRouter({
  file: projectProcedure("VIEWER")
    .input(exportSchema)
    .query(({ ctx, input }) =>
      exportRecord(
        ctx.db,
        { teamId: ctx.team.id, projectId: ctx.project.id, appUrl: ctx.appUrl },
        input,
      ),
    ),
  import: teamProcedure("MEMBER")
    .input(importSchema)
    .mutation(({ ctx, input }) =>
      importProject(ctx.db, { userId: ctx.user.id, teamId: ctx.team.id }, input.document),
    ),
});
