import { projectIdSchema } from "../../schemas/project";
import { changeProjectStatus, reopenProject } from "../../services/project/change-status";
import { projectProcedure } from "../../trpc";
import { actorOf } from "../actor";

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
