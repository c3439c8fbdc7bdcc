import { createTokenSchema, listTokensSchema, revokeTokenSchema } from "../schemas/token";
import { createToken } from "../services/token/create-token";
import { listTokens } from "../services/token/list-tokens";
import { revokeToken } from "../services/token/revoke-token";
import { createTRPCRouter, sessionProcedure } from "../trpc";

/**
 * Personal access tokens for the CLI and scripts: the caller's own, never anyone else's, and
 * managed from a signed-in session only (a token never mints or revokes tokens).
 */
export const tokenRouter = createTRPCRouter({
  list: sessionProcedure
    .input(listTokensSchema)
    .query(({ ctx, input }) => listTokens(ctx.db, { userId: ctx.user.id }, input)),
  create: sessionProcedure
    .input(createTokenSchema)
    .mutation(({ ctx, input }) => createToken(ctx.db, { userId: ctx.user.id }, input)),
  revoke: sessionProcedure
    .input(revokeTokenSchema)
    .mutation(({ ctx, input }) => revokeToken(ctx.db, { userId: ctx.user.id }, input)),
});
