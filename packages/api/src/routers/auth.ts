import { hashPassword } from "@tradeoff/auth/password";
import { signUpSchema } from "../schemas/auth";
import { signUp } from "../services/user/sign-up";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

export const authRouter = createTRPCRouter({
  signUp: publicProcedure
    .input(signUpSchema)
    .mutation(({ ctx, input }) => signUp(ctx.db, input, hashPassword)),
  me: protectedProcedure.query(({ ctx }) =>
    ctx.db.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: { id: true, email: true, name: true },
    }),
  ),
});
