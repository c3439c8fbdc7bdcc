import {
  acceptDraftSchema,
  commentDraftSchema,
  draftProjectSchema,
  resolveDraftCommentSchema,
  reviewDraftSchema,
  setApprovalRuleSchema,
  setDraftSharingSchema,
  updateDraftFieldsSchema,
} from "../schemas/draft";
import { acceptDraft } from "../services/draft/accept-draft";
import { commentDraft, resolveDraftComment } from "../services/draft/comment-draft";
import { discardDraft } from "../services/draft/discard-draft";
import { setApprovalRule, setDraftSharing } from "../services/draft/draft-settings";
import { getDraft } from "../services/draft/get-draft";
import { reviewDraft } from "../services/draft/review-draft";
import { startDraft } from "../services/draft/start-draft";
import { updateDraftFields } from "../services/draft/update-draft-fields";
import { createTRPCRouter, projectProcedure } from "../trpc";
import { actorOf } from "./actor";

/**
 * The record's shared draft: started by a member once voting opened, its structured fields,
 * reviews by the named decision-makers, comments, and acceptance into revision 1 of the record
 * (or discarding it, so the record form records instead).
 * Its text is kept in sync from the live document (services/draft/store-draft-text.ts).
 */
export const draftRouter = createTRPCRouter({
  get: projectProcedure("VIEWER")
    .input(draftProjectSchema)
    .query(({ ctx, input }) => getDraft(ctx.db, actorOf(ctx), input)),
  start: projectProcedure("MEMBER")
    .input(draftProjectSchema)
    .mutation(({ ctx, input }) => startDraft(ctx.db, actorOf(ctx), input)),
  updateFields: projectProcedure("MEMBER")
    .input(updateDraftFieldsSchema)
    .mutation(({ ctx, input }) => updateDraftFields(ctx.db, actorOf(ctx), input)),
  // Only the draft's named decision-makers: checked in the service.
  review: projectProcedure("MEMBER")
    .input(reviewDraftSchema)
    .mutation(({ ctx, input }) => reviewDraft(ctx.db, actorOf(ctx), input)),
  // Viewers read and comment.
  comment: projectProcedure("VIEWER")
    .input(commentDraftSchema)
    .mutation(({ ctx, input }) => commentDraft(ctx.db, actorOf(ctx), input)),
  resolveComment: projectProcedure("MEMBER")
    .input(resolveDraftCommentSchema)
    .mutation(({ ctx, input }) => resolveDraftComment(ctx.db, actorOf(ctx), input)),
  // Overriding the approval rule (with a reason) needs an owner or admin: checked in the service.
  accept: projectProcedure("MEMBER")
    .input(acceptDraftSchema)
    .mutation(({ ctx, input }) => acceptDraft(ctx.db, actorOf(ctx), input)),
  // The project's creator, or an owner or admin, as for recording: checked in the service.
  discard: projectProcedure("MEMBER")
    .input(draftProjectSchema)
    .mutation(({ ctx, input }) => discardDraft(ctx.db, actorOf(ctx), input)),
  setApprovalRule: projectProcedure("ADMIN")
    .input(setApprovalRuleSchema)
    .mutation(({ ctx, input }) => setApprovalRule(ctx.db, actorOf(ctx), input)),
  // Admins and the project's creator, as for share links: checked in the service.
  setSharing: projectProcedure("MEMBER")
    .input(setDraftSharingSchema)
    .mutation(({ ctx, input }) => setDraftSharing(ctx.db, actorOf(ctx), input)),
});
