import {
  ballotViewSchema,
  changePasswordSchema,
  deleteAccountSchema,
  endSessionSchema,
  setPasswordSchema,
  updateNameSchema,
} from "../schemas/account";
import { getBallotView, setBallotView } from "../services/account/ballot-view";
import { changePassword } from "../services/account/change-password";
import { deleteAccount } from "../services/account/delete-account";
import { endOtherSessions, endSession, listSessions } from "../services/account/sessions";
import { setPassword } from "../services/account/set-password";
import { signOutEverywhere } from "../services/account/sign-out-everywhere";
import { updateName } from "../services/account/update-name";
import { createTRPCRouter, protectedProcedure, sessionProcedure } from "../trpc";

/**
 * The signed-in person's own account: every service is keyed by `ctx.user.id` alone. Access
 * tokens may read it; changing anything of it (name, settings, password, sessions, deletion)
 * needs a signed-in session.
 */
export const accountRouter = createTRPCRouter({
  get: protectedProcedure.query(({ ctx }) =>
    ctx.db.user
      .findUniqueOrThrow({
        where: { id: ctx.user.id },
        select: { id: true, name: true, email: true, passwordHash: true },
      })
      .then(({ passwordHash, ...user }) => ({ ...user, hasPassword: Boolean(passwordHash) })),
  ),
  /** The member's ballot layout on project pages. */
  ballotView: protectedProcedure.query(({ ctx }) => getBallotView(ctx.db, { userId: ctx.user.id })),
  setBallotView: sessionProcedure
    .input(ballotViewSchema)
    .mutation(({ ctx, input }) =>
      setBallotView(ctx.db, { userId: ctx.user.id, ballotView: input.ballotView }),
    ),
  updateName: sessionProcedure
    .input(updateNameSchema)
    .mutation(({ ctx, input }) => updateName(ctx.db, { userId: ctx.user.id, name: input.name })),
  changePassword: sessionProcedure.input(changePasswordSchema).mutation(({ ctx, input }) =>
    changePassword(ctx.db, {
      userId: ctx.user.id,
      sessionId: ctx.user.sessionId ?? null,
      ...input,
    }),
  ),
  /** A first password for an account made without one, soon after signing in. */
  setPassword: sessionProcedure.input(setPasswordSchema).mutation(({ ctx, input }) =>
    setPassword(ctx.db, {
      userId: ctx.user.id,
      sessionId: ctx.user.sessionId ?? null,
      ...input,
    }),
  ),
  sessions: sessionProcedure.query(({ ctx }) =>
    listSessions(ctx.db, { userId: ctx.user.id, sessionId: ctx.user.sessionId ?? null }),
  ),
  endSession: sessionProcedure
    .input(endSessionSchema)
    .mutation(({ ctx, input }) => endSession(ctx.db, { userId: ctx.user.id, id: input.id })),
  endOtherSessions: sessionProcedure.mutation(({ ctx }) =>
    endOtherSessions(ctx.db, { userId: ctx.user.id, sessionId: ctx.user.sessionId ?? null }),
  ),
  signOutEverywhere: sessionProcedure.mutation(({ ctx }) =>
    signOutEverywhere(ctx.db, { userId: ctx.user.id }),
  ),
  delete: sessionProcedure.input(deleteAccountSchema).mutation(({ ctx, input }) =>
    deleteAccount(ctx.db, {
      userId: ctx.user.id,
      sessionId: ctx.user.sessionId ?? null,
      confirmation: input.confirmation,
    }),
  ),
});
