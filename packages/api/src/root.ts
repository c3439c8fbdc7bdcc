import { authRouter } from "./routers/auth";
import { teamRouter } from "./routers/team";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  team: teamRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: server components and integration tests. */
export const createCaller = createCallerFactory(appRouter);
