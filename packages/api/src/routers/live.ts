import { TRPCError } from "@trpc/server";
import { realtimeFor } from "../realtime";
import { projectStreamSchema } from "../schemas/live";
import { streamProject } from "../services/live/stream-project";
import { createTRPCRouter, projectProcedure } from "../trpc";
import { inProject } from "./actor";

export const liveRouter = createTRPCRouter({
  /**
   * Everything that happens in a project, as it happens, and who is viewing it: one stream per
   * open project page (server-sent events).
   */
  project: projectProcedure("VIEWER")
    .input(projectStreamSchema)
    .subscription(({ ctx, input, signal }) => {
      const hub = realtimeFor(ctx.db);
      if (!hub) {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: "Live updates are not available on this server; reload to see changes.",
        });
      }
      return streamProject(ctx.db, hub, {
        ...inProject(ctx),
        lastEventId: input.lastEventId,
        signal,
        session: ctx.user,
      });
    }),
});
