import type { Database, Role } from "@tradeoff/db";
import { TRPCError } from "@trpc/server";
import { createCaller } from "../../src/root";
import { createContextInner } from "../../src/trpc";
import { TEST_APP_SECRET } from "../helpers";

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
      secret: TEST_APP_SECRET,
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
