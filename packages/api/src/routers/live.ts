import { TRPCError } from "@trpc/server";
import { realtimeFor } from "../realtime";
import { projectStreamSchema, streamPositionSchema } from "../schemas/live";
import { liveStreamPosition, streamProject } from "../services/live/stream-project";
import { createTRPCRouter, projectProcedure } from "../trpc";
import { inProject } from "./actor";

export const liveRouter = createTRPCRouter({
  /**
   * Where the project page's stream starts (the newest change's id): read by the page before
   * its data, and given to `project` as `lastEventId`, so changes made meanwhile are sent.
   */
  position: projectProcedure("VIEWER")
    .input(streamPositionSchema)
    .query(({ ctx }) => liveStreamPosition(ctx.db, inProject(ctx))),
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
        lastEditAt: input.lastEditAt,
        signal,
        session: ctx.user,
      });
    }),
});
