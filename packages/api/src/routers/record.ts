import { projectIdSchema } from "../schemas/project";
import {
  decideSchema,
  dueForReviewSchema,
  reviseRecordSchema,
  supersedeSchema,
} from "../schemas/record";
import { getRecord } from "../services/record/get-record";
import { listDueReviews } from "../services/record/list-due-reviews";
import { recordDecision } from "../services/record/record-decision";
import { reviseRecord } from "../services/record/revise-record";
import { supersedeProject } from "../services/record/supersede-project";
import { createTRPCRouter, projectProcedure, teamProcedure } from "../trpc";
import { actorOf } from "./actor";

/** The decision record: recording the outcome, its revisions, supersession, reviews due. */
export const recordRouter = createTRPCRouter({
  get: projectProcedure("VIEWER")
    .input(projectIdSchema)
    .query(({ ctx, input }) => getRecord(ctx.db, { ...actorOf(ctx), appUrl: ctx.appUrl }, input)),
  // Admins and the project's creator: checked in the service, like closing a project.
  decide: projectProcedure("MEMBER")
    .input(decideSchema)
    .mutation(({ ctx, input }) => recordDecision(ctx.db, actorOf(ctx), input)),
  revise: projectProcedure("MEMBER")
    .input(reviseRecordSchema)
    .mutation(({ ctx, input }) => reviseRecord(ctx.db, actorOf(ctx), input)),
  supersede: projectProcedure("MEMBER")
    .input(supersedeSchema)
    .mutation(({ ctx, input }) => supersedeProject(ctx.db, actorOf(ctx), input)),
  dueForReview: teamProcedure("VIEWER")
    .input(dueForReviewSchema)
    .query(({ ctx, input }) => listDueReviews(ctx.db, { teamId: ctx.team.id }, input)),
});
