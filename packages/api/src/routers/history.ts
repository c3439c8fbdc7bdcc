import {
  historyPeopleSchema,
  listHistorySchema,
  recommendationAtSchema,
  timelineSchema,
} from "../schemas/history";
import { listHistory } from "../services/history/list-history";
import { listHistoryPeople } from "../services/history/list-history-people";
import { loadTimeline } from "../services/history/load-timeline";
import { recommendationAt } from "../services/history/recommendation-at";
import { createTRPCRouter, projectProcedure } from "../trpc";
import { inProject } from "./actor";

export const historyRouter = createTRPCRouter({
  /** The project's events, newest first, filtered by member and criterion, one page at a time. */
  list: projectProcedure("VIEWER")
    .input(listHistorySchema)
    .query(({ ctx, input }) =>
      listHistory(ctx.db, {
        ...inProject(ctx),
        actorId: input.actorId,
        criterionKey: input.criterionKey,
        cursor: input.cursor ?? undefined,
        limit: input.limit,
      }),
    ),
  /** The member filter's choices: the team's members and anyone else who acted in the project. */
  people: projectProcedure("VIEWER")
    .input(historyPeopleSchema)
    .query(({ ctx }) => listHistoryPeople(ctx.db, inProject(ctx))),
  /** Each option's total over time, for the chart. */
  timeline: projectProcedure("VIEWER")
    .input(timelineSchema)
    .query(({ ctx, input }) =>
      loadTimeline(ctx.db, {
        ...inProject(ctx),
        maxPoints: input.maxPoints,
      }),
    ),
  /** The recommendation exactly as it stood at a moment (the time slider). */
  at: projectProcedure("VIEWER")
    .input(recommendationAtSchema)
    .query(({ ctx, input }) =>
      recommendationAt(ctx.db, {
        ...inProject(ctx),
        at: input.at,
        eventId: input.eventId,
      }),
    ),
});
