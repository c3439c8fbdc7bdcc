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

/** Read-only public links to a decision record. */
export const shareRouter = createTRPCRouter({
  create: projectProcedure("MEMBER")
    .input(createShareLinkSchema)
    .mutation(({ ctx, input }) =>
      createShareLink(
        ctx.db,
        { userId: ctx.user.id, teamId: ctx.team.id, role: ctx.team.role },
        input,
      ),
    ),
  list: projectProcedure("MEMBER")
    .input(listShareLinksSchema)
    .query(({ ctx, input }) => listShareLinks(ctx.db, { teamId: ctx.team.id }, input)),
  revoke: projectProcedure("MEMBER")
    .input(revokeShareLinkSchema)
    .mutation(({ ctx, input }) =>
      revokeShareLink(
        ctx.db,
        { userId: ctx.user.id, teamId: ctx.team.id, role: ctx.team.role },
        input,
      ),
    ),
  // Public on purpose: the unguessable token is the permission (see isolation/public.ts).
  view: publicProcedure
    .input(viewSharedSchema)
    .query(({ ctx, input }) => viewSharedRecord(ctx.db, input)),
});
