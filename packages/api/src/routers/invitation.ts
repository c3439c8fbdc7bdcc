import {
  createInvitationSchema,
  invitationIdSchema,
  invitationLinkInput,
  invitationTokenInput,
} from "../schemas/invitation";
import { teamOnlySchema } from "../schemas/team";
import { acceptInvitation } from "../services/invitation/accept-invitation";
import { createInvitation } from "../services/invitation/create-invitation";
import { listPendingInvitations } from "../services/invitation/list-invitations";
import { previewInvitation } from "../services/invitation/preview-invitation";
import { readInvitationLink } from "../services/invitation/read-invitation-link";
import { revokeInvitation } from "../services/invitation/revoke-invitation";
import { createTRPCRouter, membershipProcedure, publicProcedure, teamProcedure } from "../trpc";
import { actingIn } from "./actor";

export const invitationRouter = createTRPCRouter({
  create: teamProcedure("ADMIN")
    .input(createInvitationSchema)
    .mutation(({ ctx, input }) =>
      createInvitation(
        ctx.db,
        {
          ...actingIn(ctx),
          actorRole: ctx.team.role,
          email: input.email,
          role: input.role,
          expiresInDays: input.expiresInDays,
          idempotencyKey: input.idempotencyKey,
        },
        { emailEnabled: ctx.emailEnabled, secret: ctx.secret },
      ),
    ),
  list: teamProcedure("ADMIN")
    .input(teamOnlySchema)
    .query(({ ctx }) => listPendingInvitations(ctx.db, { teamId: ctx.team.id })),
  revoke: teamProcedure("ADMIN")
    .input(invitationIdSchema)
    .mutation(({ ctx, input }) =>
      revokeInvitation(ctx.db, {
        ...actingIn(ctx),
        invitationId: input.invitationId,
      }),
    ),
  /** Public: the token is the credential. Signed-in callers also learn if they already belong. */
  preview: publicProcedure
    .input(invitationTokenInput)
    .query(({ ctx, input }) =>
      previewInvitation(ctx.db, { token: input.token, userId: ctx.user?.id ?? null }),
    ),
  /**
   * A pasted link checked before joining: refuses another site's, an expired or a used one.
   * Joining a team is the account's own choice: a browser session, never an access token.
   */
  readLink: membershipProcedure
    .input(invitationLinkInput)
    .mutation(({ ctx, input }) =>
      readInvitationLink(ctx.db, { link: input.link, userId: ctx.user.id, appUrl: ctx.appUrl }),
    ),
  accept: membershipProcedure
    .input(invitationTokenInput)
    .mutation(({ ctx, input }) =>
      acceptInvitation(ctx.db, { token: input.token, userId: ctx.user.id }),
    ),
});
