import { projectIdSchema } from "../../schemas/project";
import { changeProjectStatus, reopenProject } from "../../services/project/change-status";
import { projectProcedure } from "../../trpc";

// Members at least; the service then allows only team admins and the project's creator.
const manage = projectProcedure("MEMBER").input(projectIdSchema);

export const open = manage.mutation(({ ctx }) =>
  changeProjectStatus(ctx.db, actorOf(ctx), ctx.project.id, "open"),
);
export const close = manage.mutation(({ ctx }) =>
  changeProjectStatus(ctx.db, actorOf(ctx), ctx.project.id, "close"),
);
export const archive = manage.mutation(({ ctx }) =>
  changeProjectStatus(ctx.db, actorOf(ctx), ctx.project.id, "archive"),
);
export const reopen = manage.mutation(({ ctx }) =>
  reopenProject(ctx.db, actorOf(ctx), ctx.project.id),
);

function actorOf(ctx: {
  user: { id: string };
  team: { id: string; role: import("@tradeoff/db").Role };
}) {
  return { userId: ctx.user.id, teamId: ctx.team.id, role: ctx.team.role };
}
