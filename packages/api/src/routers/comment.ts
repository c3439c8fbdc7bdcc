import {
  createCommentSchema,
  deleteCommentSchema,
  editCommentSchema,
  listCommentsSchema,
  markMentionsSeenSchema,
  myMentionsSchema,
} from "../schemas/comment";
import { listComments } from "../services/comment/list-comments";
import { listMyMentions, markMentionsSeen } from "../services/comment/my-mentions";
import { createComment, deleteComment, editComment } from "../services/comment/write-comment";
import { createTRPCRouter, projectProcedure, teamProcedure } from "../trpc";
import { inProject, memberOf } from "./actor";

/** Discussion: viewers read and comment too; only the author edits or deletes a comment. */
export const commentRouter = createTRPCRouter({
  list: projectProcedure("VIEWER")
    .input(listCommentsSchema)
    .query(({ ctx, input }) => listComments(ctx.db, { ...inProject(ctx), ...input })),
  create: projectProcedure("VIEWER")
    .input(createCommentSchema)
    .mutation(({ ctx, input }) => createComment(ctx.db, memberOf(ctx), input)),
  edit: projectProcedure("VIEWER")
    .input(editCommentSchema)
    .mutation(({ ctx, input }) => editComment(ctx.db, memberOf(ctx), input)),
  delete: projectProcedure("VIEWER")
    .input(deleteCommentSchema)
    .mutation(({ ctx, input }) => deleteComment(ctx.db, memberOf(ctx), input)),
  /** My unseen @-mentions in the team: the dashboard's "needs attention" list. */
  mentions: teamProcedure("VIEWER")
    .input(myMentionsSchema)
    .query(({ ctx }) => listMyMentions(ctx.db, memberOf(ctx))),
  /** Called when the discussion is opened: my mentions in this project are no longer new. */
  markMentionsSeen: projectProcedure("VIEWER")
    .input(markMentionsSeenSchema)
    .mutation(({ ctx }) => markMentionsSeen(ctx.db, inProject(ctx))),
});
