import type { Database, Role } from "@tradeoff/db";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { expect } from "vitest";
import { createRestHandler, REST_PREFIX, restOperations } from "../../src/rest";
import { appRouter, createCaller } from "../../src/root";
import { authenticateRequest } from "../../src/server";
import { createContextInner, type ProcedureCall } from "../../src/trpc";
import { TEST_APP_SECRET } from "../helpers";

export const ROLES_LOW_TO_HIGH: Role[] = ["VIEWER", "MEMBER", "ADMIN", "OWNER"];

type Caller = { id: string; email: string | null; name: string | null } | null;

export type CallOutcome =
  | { ok: true; result: unknown }
  | { ok: false; code: string; message: string };

/**
 * Calls the caller's procedure at `path` (e.g. "member.changeRole"); a subscription's iterator
 * is closed at once so nothing keeps running.
 */
async function callAt(caller: ReturnType<typeof createCaller>, path: string, input: unknown) {
  let node: unknown = caller;
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  const result = await (node as (input: unknown) => Promise<unknown>)(input);
  const iterator = result as { return?: () => unknown } | null;
  if (iterator && typeof iterator === "object" && Symbol.asyncIterator in iterator) {
    await iterator.return?.();
  }
  return result;
}

/**
 * Calls the procedure at `path` (e.g. "member.changeRole") as `user`, in-process: signed in
 * with a browser session, or with a personal access token (`credential: "token"`).
 */
export async function callProcedure(
  db: Database,
  user: Caller,
  path: string,
  input: unknown,
  credential: "session" | "token" = "session",
): Promise<CallOutcome> {
  const caller = createCaller(
    createContextInner({
      db,
      user: user
        ? { id: user.id, email: user.email ?? "", name: user.name, tokenVersion: 0 }
        : null,
      credential,
      secret: TEST_APP_SECRET,
    }),
  );
  try {
    const result = await callAt(caller, path, input);
    return { ok: true, result };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

/**
 * Calls the procedure at `path` signed out, without input, and hands back what its middleware
 * reported (`ctx.onCall`): its kind and the metadata its procedure factory recorded. Null when
 * nothing was reported (a procedure built without the factories of src/trpc.ts).
 */
export async function reportedCall(db: Database, path: string): Promise<ProcedureCall | null> {
  let reported: ProcedureCall | null = null;
  const caller = createCaller(
    createContextInner({ db, user: null, onCall: (call) => (reported = call) }),
  );
  try {
    await callAt(caller, path, undefined);
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
  }
  return reported;
}

/** A session user as the tRPC handler's context holds it. */
function sessionUser(user: Caller) {
  return user ? { id: user.id, email: user.email ?? "", name: user.name, tokenVersion: 0 } : null;
}

/**
 * The REST API's handler in front of tRPC's fetch adapter (as apps/web/server.ts mounts them),
 * with `user` signed in, or with `Authorization: Bearer` resolved as the web server does.
 */
export function restHandler(db: Database, user: Caller) {
  return createRestHandler({
    invalidUtf8Message: "not UTF-8",
    trpc: async (req) => {
      const bearer = await authenticateRequest(db, req);
      if (bearer.kind === "refused") return bearer.response;
      return fetchRequestHandler({
        endpoint: "/api/trpc",
        req,
        router: appRouter,
        createContext: () =>
          createContextInner({
            db,
            user: bearer.kind === "token" ? bearer.user : sessionUser(user),
            credential: bearer.kind === "token" ? "token" : "session",
          }),
      });
    },
  });
}

/** A REST request for the procedure at `path`: a query's input as parameters, else a JSON body. */
export function restRequest(path: string, input: unknown, headers: Record<string, string> = {}) {
  const operation = restOperations().find((op) => op.procedure === path);
  if (!operation) throw new Error(`${path} is not served over REST`);
  const url = new URL(`http://tradeoff.test${REST_PREFIX}${operation.path}`);
  if (operation.method === "GET") {
    for (const [key, value] of Object.entries((input ?? {}) as Record<string, unknown>)) {
      if (value === undefined) continue;
      url.searchParams.set(key, typeof value === "string" ? value : JSON.stringify(value));
    }
    return new Request(url, { headers });
  }
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: input === undefined ? undefined : JSON.stringify(input),
  });
}

/** Calls the procedure at `path` over the REST API as `user`: the sweep's second transport. */
export async function callOverRest(
  db: Database,
  user: Caller,
  path: string,
  input: unknown,
): Promise<CallOutcome> {
  const res = await restHandler(db, user)(restRequest(path, input));
  if (res.status === 204) return { ok: true, result: undefined };
  const body = (await res.json()) as { code?: string; detail?: string };
  if (res.ok) return { ok: true, result: body };
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return { ok: false, code: body.code ?? "", message: body.detail ?? "" };
}
