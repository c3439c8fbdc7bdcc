import { waitSentence } from "@tradeoff/auth/attempt-limiter";
import { hashPassword } from "@tradeoff/auth/password";
import { TRPCError } from "@trpc/server";
import { signUpSchema } from "../schemas/auth";
import { getAccount } from "../services/account/get-account";
import { signUp } from "../services/user/sign-up";
import { type Context, createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

/** A refusal by a rate limit: `retryAfter` seconds go into the answer's Retry-After header. */
export class RateLimitedError extends Error {
  override name = "RateLimitedError";
  constructor(
    message: string,
    readonly retryAfter: number,
  ) {
    super(message);
  }
}

/**
 * Each sign-up costs a scrypt hash (and may queue an email), so one address may try only so
 * often (SIGN_UP_LIMIT an hour); past it the answer is 429 and says how long to wait.
 */
async function checkSignUpLimit(ctx: Context) {
  if (!ctx.signUpLimiter || ctx.clientAddress === null) return;
  const wait = await ctx.signUpLimiter.attempt(ctx.clientAddress);
  if (wait <= 0) return;
  const message = `Too many sign-ups from your network address. ${waitSentence(wait)}`;
  throw new TRPCError({
    code: "TOO_MANY_REQUESTS",
    message,
    cause: new RateLimitedError(message, wait),
  });
}

export const authRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpSchema).mutation(async ({ ctx, input }) => {
    await checkSignUpLimit(ctx);
    return signUp(ctx.db, input, hashPassword);
  }),
  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.db, { userId: ctx.user.id })),
});
