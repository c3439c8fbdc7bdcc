import type { World } from "./world";

/**
 * How one procedure proves it keeps team A's data from people who may not touch it.
 *
 * The sweep reads the procedure's `meta.access` and, with a fresh world each time, calls it:
 * - signed out: expects UNAUTHORIZED (every non-public procedure);
 * - scope "team"/"project": as team B's owner (NOT_FOUND), as the team A user one role below
 *   `minRole` (FORBIDDEN), and as the team A user with exactly `minRole`, who must NOT be
 *   refused with UNAUTHORIZED/FORBIDDEN/NOT_FOUND (proves the input really points at team A);
 * - scope "user": as team B's owner, checked as `outsider` says.
 */
export type IsolationCase = {
  /**
   * The input, pointing at team A's records. Create what the procedure needs here (with
   * `world.db` or the factories of @tradeoff/db/testing); it runs again for every caller.
   */
  input?: (world: World) => unknown | Promise<unknown>;
  /**
   * Scope "user" only: how a user of team B is kept out of team A's records.
   * - `{ code }`: the call must fail with this code (e.g. NOT_FOUND);
   * - `{ check }`: the call may succeed; `check` asserts nothing of team A came back;
   * - `{ ownDataOnly }`: the procedure only reads or changes the caller's own account (reason).
   */
  outsider?:
    | { code: "NOT_FOUND" | "FORBIDDEN" | "BAD_REQUEST" }
    | { check: (result: unknown, world: World) => void | Promise<void> }
    | { ownDataOnly: string };
  /** Scope "team"/"project": skip the positive control, with a reason (rarely needed). */
  skipAllowedCheck?: string;
};

export type IsolationCases = Record<string, IsolationCase>;

/** Keeps a domain's cases typed; keys are procedure paths such as "member.changeRole". */
export const defineCases = <T extends IsolationCases>(cases: T) => cases;
