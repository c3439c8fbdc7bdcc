import {
  createShareLinkSchema,
  listShareLinksSchema,
  revokeShareLinkSchema,
  viewSharedSchema,
} from "../schemas/share";
import { createShareLink } from "../services/share/create-share-link";
import { listShareLinks } from "../services/share/list-share-links";
import { revokeShareLink } from "../services/share/revoke-share-link";
import { viewSharedRecord } from "../services/share/view-shared-record";
import { createTRPCRouter, projectProcedure, publicProcedure } from "../trpc";
import { actorOf } from "./actor";

/** Read-only public links to a decision record. */
export const shareRouter = createTRPCRouter({
  create: projectProcedure("MEMBER")
    .input(createShareLinkSchema)
    .mutation(({ ctx, input }) => createShareLink(ctx.db, actorOf(ctx), input)),
  list: projectProcedure("MEMBER")
    .input(listShareLinksSchema)
    .query(({ ctx, input }) => listShareLinks(ctx.db, { teamId: ctx.team.id }, input)),
  revoke: projectProcedure("MEMBER")
    .input(revokeShareLinkSchema)
    .mutation(({ ctx, input }) => revokeShareLink(ctx.db, actorOf(ctx), input)),
  // Public on purpose: the unguessable token is the permission (see isolation/public.ts).
  view: publicProcedure
    .input(viewSharedSchema)
    .query(({ ctx, input }) => viewSharedRecord(ctx.db, input)),
});
