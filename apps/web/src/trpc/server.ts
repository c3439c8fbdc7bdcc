import "server-only";
import { createCaller, createContextInner } from "@tradeoff/api";
import { cache } from "react";
import { getSessionUser } from "~/server/auth";
import { db } from "~/server/db";

/** A tRPC caller for server components: same procedures, same rules, no HTTP hop. */
export const api = cache(async () =>
  createCaller(createContextInner({ db: db(), user: await getSessionUser() })),
);
