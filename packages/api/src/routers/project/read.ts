import { listProjectsSchema, projectIdSchema } from "../../schemas/project";
import { getProject } from "../../services/project/get-project";
import { getParticipation, getRecommendation } from "../../services/project/get-recommendation";
import { listProjects } from "../../services/project/list-projects";
import { projectProcedure, teamProcedure } from "../../trpc";
import { actorOf, memberOf } from "../actor";

export const get = projectProcedure("VIEWER")
  .input(projectIdSchema)
  .query(({ ctx, input }) => getProject(ctx.db, actorOf(ctx), input));

export const list = teamProcedure("VIEWER")
  .input(listProjectsSchema)
  .query(({ ctx, input }) => listProjects(ctx.db, { teamId: ctx.team.id }, input));

export const recommendation = projectProcedure("VIEWER", { withStamp: true })
  .input(projectIdSchema)
  .query(({ ctx, input }) =>
    getRecommendation(ctx.db, memberOf(ctx), { ...input, stamp: ctx.project.stamp }),
  );

export const participation = projectProcedure("VIEWER", { withStamp: true })
  .input(projectIdSchema)
  .query(({ ctx, input }) =>
    getParticipation(ctx.db, { teamId: ctx.team.id }, { ...input, stamp: ctx.project.stamp }),
  );
