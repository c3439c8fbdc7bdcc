import { createTokenSchema, revokeTokenSchema } from "../schemas/token";
import { createToken } from "../services/token/create-token";
import { listTokens } from "../services/token/list-tokens";
import { revokeToken } from "../services/token/revoke-token";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Personal access tokens for the CLI and scripts: the caller's own, never anyone else's. */
export const tokenRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listTokens(ctx.db, { userId: ctx.user.id })),
  create: protectedProcedure
    .input(createTokenSchema)
    .mutation(({ ctx, input }) => createToken(ctx.db, { userId: ctx.user.id }, input)),
  revoke: protectedProcedure
    .input(revokeTokenSchema)
    .mutation(({ ctx, input }) => revokeToken(ctx.db, { userId: ctx.user.id }, input)),
});
