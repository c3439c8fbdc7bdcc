import { hashPassword } from "@tradeoff/auth/password";
import { signUpSchema } from "../schemas/auth";
import { getAccount } from "../services/account/get-account";
import { signUp } from "../services/user/sign-up";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

export const authRouter = createTRPCRouter({
  signUp: publicProcedure
    .input(signUpSchema)
    .mutation(({ ctx, input }) => signUp(ctx.db, input, hashPassword)),
  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.db, { userId: ctx.user.id })),
});
