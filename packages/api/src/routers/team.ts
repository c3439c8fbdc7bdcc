import { createTeamSchema, getTeamSchema } from "../schemas/team";
import { createTeam } from "../services/team/create-team";
import { getTeam } from "../services/team/get-team";
import { listMyTeams } from "../services/team/list-my-teams";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const teamRouter = createTRPCRouter({
  create: protectedProcedure
    .input(createTeamSchema)
    .mutation(({ ctx, input }) => createTeam(ctx.db, { userId: ctx.user.id, name: input.name })),
  list: protectedProcedure.query(({ ctx }) => listMyTeams(ctx.db, { userId: ctx.user.id })),
  get: protectedProcedure
    .input(getTeamSchema)
    .query(({ ctx, input }) => getTeam(ctx.db, { userId: ctx.user.id, slug: input.slug })),
});
