import "server-only";
import { type AppRouter, createCaller, createContextInner } from "@tradeoff/api";
import { type inferRouterOutputs, TRPCError } from "@trpc/server";
import { cache } from "react";
import { historyEnv } from "~/env";
import { getSessionUser, redirectToSignIn } from "~/server/auth";
import { db } from "~/server/db";

type Caller = ReturnType<typeof createCaller>;

/** What a value becomes once written as JSON (dates as ISO strings), as the browser receives it. */
type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** A tRPC caller for server components: same procedures, same rules, no HTTP hop. */
const caller = cache(
  async (): Promise<Caller> =>
    createCaller(
      createContextInner({
        db: db(),
        user: await getSessionUser(),
        historyFoldSeconds: historyEnv().HISTORY_FOLD_SECONDS,
      }),
    ),
);

/**
 * Calls procedures in-process for a server component, and hands back the answer as the API's
 * HTTP clients receive it (plain JSON: dates as ISO strings), so what a page renders on the
 * server and what its client components fetch later have one shape.
 *
 * A procedure that needs a signed-in user, asked while signed out (or after the session ended),
 * sends the visitor to sign in and back to the page, as the (app) layout does: pages render
 * alongside their layout, so a signed-out visit reaches their calls too, and it is no error
 * for the server's log. Every other failure is thrown.
 */
export async function api<T>(call: (caller: Caller) => Promise<T>): Promise<Json<T>> {
  let answer: T;
  try {
    answer = await call(await caller());
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") return redirectToSignIn();
    throw error;
  }
  return JSON.parse(JSON.stringify(answer));
}

/**
 * `api(call)`, or null when the procedure answers that what the address names does not exist
 * for this user (NOT_FOUND) or is no valid id at all (BAD_REQUEST): the page then shows its
 * not-found screen. Any other failure is thrown.
 */
export async function apiOrNull<T>(call: (caller: Caller) => Promise<T>): Promise<Json<T> | null> {
  try {
    return await api(call);
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return null;
    throw error;
  }
}

export type RouterOutputs = inferRouterOutputs<AppRouter>;
