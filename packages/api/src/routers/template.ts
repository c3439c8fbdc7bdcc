import { deleteTemplateSchema } from "../schemas/project";
import { deleteTeamTemplate } from "../services/template/delete-team-template";
import { createTRPCRouter, teamProcedure } from "../trpc";
import { actorOf } from "./actor";

/**
 * The team's saved templates (listed and saved from a project under `project.templates` and
 * `project.saveAsTemplate`).
 */
export const templateRouter = createTRPCRouter({
  /** Its author, or an admin or owner; built-in templates cannot be deleted. */
  delete: teamProcedure("MEMBER")
    .input(deleteTemplateSchema)
    .mutation(({ ctx, input }) => deleteTeamTemplate(ctx.db, actorOf(ctx), input)),
});
