import { appRouter, createContextInner } from "@tradeoff/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getSessionUser } from "~/server/auth";
import { db } from "~/server/db";
import { logger } from "~/server/logger";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createContextInner({ db: db(), user: await getSessionUser() }),
    onError({ error, path, type }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ err: error.cause ?? error, path, type }, "procedure failed");
      }
    },
  });
}

export { handler as GET, handler as POST };
