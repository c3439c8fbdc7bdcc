import { folderExportSchema, folderImportSchema } from "../schemas/folder";
import { exportSchema, importSchema } from "../schemas/record";
import { exportRecord } from "../services/export/export-record";
import { importProject } from "../services/export/import-project";
import { exportFolder } from "../services/folder/export-folder";
import { importFolder } from "../services/folder/import-folder";
import { createTRPCRouter, projectProcedure, teamProcedure } from "../trpc";
import { actorOf, memberOf } from "./actor";

/**
 * Exports of a decision record (MADR, log4brains, Nygard, JSON, CSV, PDF) and JSON import; a
 * team's records as a docs/decisions folder, and such a folder imported.
 */
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
    .mutation(({ ctx, input }) => importProject(ctx.db, memberOf(ctx), input.document)),
  folder: teamProcedure("VIEWER")
    .input(folderExportSchema)
    .query(({ ctx, input }) =>
      exportFolder(ctx.db, { teamId: ctx.team.id, appUrl: ctx.appUrl }, input),
    ),
  importFolder: teamProcedure("MEMBER")
    .input(folderImportSchema)
    .mutation(({ ctx, input }) => importFolder(ctx.db, actorOf(ctx), input)),
});
