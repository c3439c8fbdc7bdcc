import { changeRoleSchema, removeMemberSchema } from "../schemas/member";
import { teamOnlySchema } from "../schemas/team";
import { changeMemberRole } from "../services/member/change-member-role";
import { listMembers } from "../services/member/list-members";
import { removeMember } from "../services/member/remove-member";
import { createTRPCRouter, teamProcedure } from "../trpc";
import { actingIn } from "./actor";

export const memberRouter = createTRPCRouter({
  list: teamProcedure("VIEWER")
    .input(teamOnlySchema)
    .query(({ ctx }) => listMembers(ctx.db, { teamId: ctx.team.id })),
  changeRole: teamProcedure("ADMIN")
    .input(changeRoleSchema)
    .mutation(({ ctx, input }) =>
      changeMemberRole(ctx.db, {
        ...actingIn(ctx),
        userId: input.userId,
        role: input.role,
      }),
    ),
  remove: teamProcedure("ADMIN")
    .input(removeMemberSchema)
    .mutation(({ ctx, input }) => removeMember(ctx.db, { ...actingIn(ctx), userId: input.userId })),
});
