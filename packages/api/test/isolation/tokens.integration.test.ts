import type { Role } from "@tradeoff/db";
import { describe, expect, it } from "vitest";
import { hasRole } from "../../src/domain/roles";
import { procedureEntries } from "../../src/procedures";
import { useTestDatabase } from "../helpers";
import { callProcedure } from "./call";
import { loadCases } from "./load-cases";
import { createWorld } from "./world";

/**
 * What a personal access token may call, for every procedure of the app router. Tokens act for
 * their owner on decisions only. Team administration (every procedure that needs the admin or
 * owner role, read from the procedure list, which the isolation sweep holds to the router) and
 * the account and its memberships need a signed-in browser session: a read-write token of a
 * member who holds the role is refused with FORBIDDEN, saying to sign in. Every other procedure
 * lets the token through, so the CLI and scripts keep working.
 */
const t = useTestDatabase();
const cases = await loadCases();

/** Procedures below the admin role that are still not decisions: the account and memberships. */
const NOT_DECISIONS: Record<string, string> = {
  "account.setBallotView": "an account setting",
  "account.updateName": "the account's name, shown to every team",
  "account.changePassword": "the password",
  "account.setPassword": "the password",
  "account.sessions": "where the account is signed in",
  "account.endSession": "signs a browser out",
  "account.endOtherSessions": "signs browsers out",
  "account.signOutEverywhere": "signs browsers out",
  "account.delete": "the account itself",
  "notification.setPreference": "what the account is emailed",
  "token.list": "the tokens themselves",
  "token.create": "a token must not mint tokens that outlive it",
  "token.revoke": "the tokens themselves",
  "team.create": "which teams the account belongs to",
  "team.leave": "which teams the account belongs to",
  "invitation.readLink": "joining a team",
  "invitation.accept": "joining a team",
};

const isAdministration = (minRole: Role | undefined) =>
  Boolean(minRole && hasRole(minRole, "ADMIN"));

const procedures = procedureEntries
  .filter(([, entry]) => entry.access)
  .map(([path, entry]) => {
    const access = entry.access as NonNullable<typeof entry.access>;
    const refused = isAdministration(access.minRole) || path in NOT_DECISIONS || entry.sessionOnly;
    return { path, scope: access.scope, minRole: access.minRole ?? "VIEWER", refused };
  });
const refused = procedures.filter((p) => p.refused);
const allowed = procedures.filter((p) => !p.refused);
const TOKEN_REFUSAL = /^Access tokens cannot .*Sign in to Tradeoff in the browser/;

describe("access tokens: the inventory", () => {
  it("finds team administration to refuse and decision work to allow", () => {
    const administration = procedures.filter((p) => isAdministration(p.minRole)).map((p) => p.path);
    expect(administration).toEqual(
      expect.arrayContaining(["member.changeRole", "member.remove", "team.delete"]),
    );
    expect(administration).toEqual(
      expect.arrayContaining(["invitation.create", "webhook.create", "audit.list"]),
    );
    expect(allowed.map((p) => p.path)).toEqual(
      expect.arrayContaining(["vote.cast", "record.decide", "project.create", "share.create"]),
    );
  });

  it("names only procedures that exist", () => {
    const paths = new Set<string>(procedures.map((p) => p.path));
    expect(Object.keys(NOT_DECISIONS).filter((path) => !paths.has(path))).toEqual([]);
  });

  it("lists every procedure a token may not call as needing a browser session", () => {
    // The REST API serves what is not session-only: nothing refused may appear there.
    const notListed = procedureEntries
      .filter(([path, entry]) => refused.some((p) => p.path === path) && !entry.sessionOnly)
      .map(([path]) => path);
    expect(notListed).toEqual([]);
  });
});

describe.each(refused)("access tokens: $path", ({ path, scope, minRole }) => {
  const testCase = cases.get(path);

  it(`refuses a read-write token of a ${minRole.toLowerCase()} of the team, saying to sign in`, async () => {
    const world = await createWorld(t.db);
    const input = await testCase?.input?.(world);
    const caller = scope === "user" ? world.owner : world.userWithRole(minRole);
    const outcome = await callProcedure(t.db, caller, path, input, "token");
    expect(outcome).toMatchObject({ ok: false, code: "FORBIDDEN" });
    if (!outcome.ok) expect(outcome.message).toMatch(TOKEN_REFUSAL);
  });
});

describe.each(allowed)("access tokens: $path", ({ path, scope, minRole }) => {
  const testCase = cases.get(path);
  const scoped = scope === "team" || scope === "project";

  it.skipIf(!testCase || (scoped && Boolean(testCase?.skipAllowedCheck)))(
    `lets a token of a ${minRole.toLowerCase()} of the team through`,
    async () => {
      const world = await createWorld(t.db);
      const input = await testCase?.input?.(world);
      const caller = scoped ? world.userWithRole(minRole) : world.owner;
      const outcome = await callProcedure(t.db, caller, path, input, "token");
      if (outcome.ok) return;
      expect(outcome.message).not.toMatch(TOKEN_REFUSAL);
      // A user-scoped case's input may be someone else's (its refusal is the sweep's concern).
      if (scoped) expect(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]).not.toContain(outcome.code);
    },
  );
});
