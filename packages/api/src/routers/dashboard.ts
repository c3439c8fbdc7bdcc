import { teamIdSchema } from "../schemas/project";
import { getDashboard } from "../services/dashboard/get-dashboard";
import { createTRPCRouter, teamProcedure } from "../trpc";
import { memberOf } from "./actor";

export const dashboardRouter = createTRPCRouter({
  get: teamProcedure("VIEWER")
    .input(teamIdSchema)
    .query(({ ctx }) => getDashboard(ctx.db, memberOf(ctx))),
});
