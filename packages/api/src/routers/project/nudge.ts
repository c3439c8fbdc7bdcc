import { nudgeSchema, projectIdSchema } from "../../schemas/project";
import { nudgeMembers } from "../../services/nudge/nudge-members";
import { listWaitingOn } from "../../services/nudge/waiting-on";
import { projectProcedure } from "../../trpc";
import { actorOf } from "../actor";

/** Who the open decision is waiting on (in blind voting: who, never how far). */
export const waitingOn = projectProcedure("VIEWER")
  .input(projectIdSchema)
  .query(({ ctx }) =>
    listWaitingOn(ctx.db, {
      projectId: ctx.project.id,
      teamId: ctx.team.id,
      userId: ctx.user.id,
      role: ctx.team.role,
    }),
  );

// Members at least; the service then allows only team admins and the project's creator.
export const nudge = projectProcedure("MEMBER")
  .input(nudgeSchema)
  .mutation(({ ctx, input }) =>
    nudgeMembers(ctx.db, actorOf(ctx), { projectId: ctx.project.id, userIds: input.userIds }),
  );
