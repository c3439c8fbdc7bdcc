import type { Database, Role } from "@tradeoff/db";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { expect } from "vitest";
import { createRestHandler, REST_PREFIX, restOperations } from "../../src/rest";
import { appRouter, createCaller } from "../../src/root";
import { authenticateRequest } from "../../src/server";
import { createContextInner } from "../../src/trpc";

export const ROLES_LOW_TO_HIGH: Role[] = ["VIEWER", "MEMBER", "ADMIN", "OWNER"];

type Caller = { id: string; email: string | null; name: string | null } | null;

export type CallOutcome =
  | { ok: true; result: unknown }
  | { ok: false; code: string; message: string };

/** Calls the procedure at `path` (e.g. "member.changeRole") as `user`, in-process. */
export async function callProcedure(
  db: Database,
  user: Caller,
  path: string,
  input: unknown,
): Promise<CallOutcome> {
  const caller = createCaller(
    createContextInner({
      db,
      user: user
        ? { id: user.id, email: user.email ?? "", name: user.name, tokenVersion: 0 }
        : null,
    }),
  );
  // biome-ignore lint/suspicious/noExplicitAny: walking the caller proxy by a runtime path.
  const fn = path.split(".").reduce<any>((node, key) => node[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    const result = await fn(input);
    // A subscription hands back an iterator: close it so nothing keeps running.
    const iterator = result as { return?: () => unknown } | null;
    if (iterator && typeof iterator === "object" && Symbol.asyncIterator in iterator) {
      await iterator.return?.();
    }
    return { ok: true, result };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
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
