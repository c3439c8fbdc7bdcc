import { setTagsSchema } from "../schemas/folder";
import { teamIdSchema } from "../schemas/project";
import { listTeamTags, setTags } from "../services/tag/set-tags";
import { createTRPCRouter, projectProcedure, teamProcedure } from "../trpc";
import { actorOf } from "./actor";

/** Tags on projects and their records: set a project's tags, list a team's. */
export const tagRouter = createTRPCRouter({
  set: projectProcedure("MEMBER")
    .input(setTagsSchema)
    .mutation(({ ctx, input }) => setTags(ctx.db, actorOf(ctx), input)),
  list: teamProcedure("VIEWER")
    .input(teamIdSchema)
    .query(({ ctx }) => listTeamTags(ctx.db, { teamId: ctx.team.id })),
});
