/**
 * The building blocks of the Tradeoff API. Routers import only what is exported here.
 *
 * 1. Context: what every procedure receives (the database and the signed-in user, if any).
 * 2. Initialisation: superjson transport and error shaping (field-level validation messages).
 * 3. Procedures: `publicProcedure` and `protectedProcedure` (signed-in users only).
 */
import type { SessionUser } from "@tradeoff/auth";
import type { PrismaClient } from "@tradeoff/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { DomainError } from "./errors";

// 1. Context
export type Context = {
  db: PrismaClient;
  user: SessionUser | null;
};

/** Builds a context from explicit values: used by the HTTP handler and by tests through `createCaller`. */
export function createContextInner(opts: { db: PrismaClient; user: SessionUser | null }): Context {
  return { db: opts.db, user: opts.user };
}

// 2. Initialisation
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const fieldErrors = zodError
      ? (z.flattenError(zodError).fieldErrors as Record<string, string[] | undefined>)
      : error.cause instanceof DomainError
        ? error.cause.fieldErrors
        : undefined;
    return {
      ...shape,
      message: zodError ? "Some fields need attention." : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors: fieldErrors ?? null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Maps domain errors thrown by services to their HTTP-meaningful tRPC codes. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

// 3. Procedures
export const publicProcedure = t.procedure.use(domainErrors);

/** Signed-in users only; narrows `ctx.user` so handlers never check it again. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});
