import { projectIdSchema } from "../../schemas/project";
import { teamOnlySchema } from "../../schemas/team";
import { createSampleProject, removeSampleProject } from "../../services/project/sample-project";
import { projectProcedure, teamProcedure } from "../../trpc";
import { memberOf } from "../actor";

/** "See how it works": a sample decision with three fictional teammates' votes. */
export const createSample = teamProcedure("MEMBER")
  .input(teamOnlySchema)
  .mutation(({ ctx }) => createSampleProject(ctx.db, memberOf(ctx)));

/** Removes a sample decision and its fictional teammates; refuses any other project. */
export const removeSample = projectProcedure("MEMBER")
  .input(projectIdSchema)
  .mutation(({ ctx }) => removeSampleProject(ctx.db, memberOf(ctx), ctx.project.id));
