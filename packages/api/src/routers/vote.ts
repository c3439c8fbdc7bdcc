import { projectIdSchema } from "../schemas/project";
import { castVoteSchema, listReasonsSchema, retractVoteSchema } from "../schemas/vote";
import { castVote, retractVote } from "../services/vote/cast-vote";
import { listMyVotes } from "../services/vote/list-my-votes";
import { listReasons } from "../services/vote/list-reasons";
import { refuseOtherVoter } from "../services/vote/refuse-other-voter";
import { createTRPCRouter, projectProcedure } from "../trpc";
import { memberOf } from "./actor";

export const voteRouter = createTRPCRouter({
  /**
   * Sets the caller's vote on one criterion; safe to retry. A ballot filled in for another
   * member (`voterId`) is refused, never saved as the caller's.
   */
  cast: projectProcedure("MEMBER")
    .input(castVoteSchema)
    .mutation(({ ctx, input }) => {
      refuseOtherVoter(ctx.user, ctx.credential, input.voterId);
      return castVote(ctx.db, memberOf(ctx), input, { foldSeconds: ctx.historyFoldSeconds });
    }),
  retract: projectProcedure("MEMBER")
    .input(retractVoteSchema)
    .mutation(({ ctx, input }) => {
      refuseOtherVoter(ctx.user, ctx.credential, input.voterId);
      return retractVote(ctx.db, memberOf(ctx), input);
    }),
  mine: projectProcedure("VIEWER")
    .input(projectIdSchema)
    .query(({ ctx, input }) => listMyVotes(ctx.db, memberOf(ctx), input)),
  /** Teammates' reasons on one criterion, for the ballot's details; hidden while a blind vote is open. */
  reasons: projectProcedure("VIEWER")
    .input(listReasonsSchema)
    .query(({ ctx, input }) => listReasons(ctx.db, memberOf(ctx), input)),
});
