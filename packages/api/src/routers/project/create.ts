import { createProjectSchema, updateProjectSchema } from "../../schemas/project";
import { createProject } from "../../services/project/create-project";
import { updateProject } from "../../services/project/update-project";
import { projectProcedure, teamProcedure } from "../../trpc";
import { actorOf, memberOf } from "../actor";

export const create = teamProcedure("MEMBER")
  .input(createProjectSchema)
  .mutation(({ ctx, input: { teamId: _teamId, ...input } }) =>
    createProject(ctx.db, memberOf(ctx), input),
  );

/** Drafts change everything; open projects only their title, context, deadline and quorum. */
export const update = projectProcedure("MEMBER")
  .input(updateProjectSchema)
  .mutation(({ ctx, input: { projectId, ...input } }) =>
    updateProject(ctx.db, actorOf(ctx), projectId, input),
  );
