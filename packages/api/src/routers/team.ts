import {
  createTeamSchema,
  deleteTeamSchema,
  getTeamSchema,
  renameTeamSchema,
  teamOnlySchema,
  transferOwnershipSchema,
} from "../schemas/team";
import { createTeam } from "../services/team/create-team";
import { deleteTeam } from "../services/team/delete-team";
import { getTeam } from "../services/team/get-team";
import { leaveTeam } from "../services/team/leave-team";
import { listMyTeams } from "../services/team/list-my-teams";
import { renameTeam } from "../services/team/rename-team";
import { transferOwnership } from "../services/team/transfer-ownership";
import { createTRPCRouter, membershipProcedure, protectedProcedure, teamProcedure } from "../trpc";
import { actingIn, memberOf } from "./actor";

/**
 * Teams themselves: which teams the account belongs to and each team's settings are managed
 * from a browser session; access tokens may only list and read them (see `teamProcedure`).
 */
export const teamRouter = createTRPCRouter({
  create: membershipProcedure.input(createTeamSchema).mutation(({ ctx, input }) =>
    createTeam(ctx.db, {
      userId: ctx.user.id,
      name: input.name,
      idempotencyKey: input.idempotencyKey,
    }),
  ),
  list: protectedProcedure.query(({ ctx }) => listMyTeams(ctx.db, { userId: ctx.user.id })),
  /** By address (slug), for pages: scoped to the caller's memberships, NOT_FOUND otherwise. */
  get: protectedProcedure
    .input(getTeamSchema)
    .query(({ ctx, input }) => getTeam(ctx.db, { userId: ctx.user.id, slug: input.slug })),
  rename: teamProcedure("ADMIN")
    .input(renameTeamSchema)
    .mutation(({ ctx, input }) => renameTeam(ctx.db, { ...actingIn(ctx), name: input.name })),
  leave: teamProcedure("VIEWER", { sessionOnly: true })
    .input(teamOnlySchema)
    .mutation(({ ctx }) => leaveTeam(ctx.db, memberOf(ctx))),
  transferOwnership: teamProcedure("OWNER")
    .input(transferOwnershipSchema)
    .mutation(({ ctx, input }) =>
      transferOwnership(ctx.db, {
        ...actingIn(ctx),
        userId: input.userId,
      }),
    ),
  delete: teamProcedure("OWNER")
    .input(deleteTeamSchema)
    .mutation(({ ctx, input }) =>
      deleteTeam(ctx.db, { teamId: ctx.team.id, confirmation: input.confirmation }),
    ),
});
