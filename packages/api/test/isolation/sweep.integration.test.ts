import type { Role } from "@tradeoff/db";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { procedureEntries } from "../../src/procedures";
import { restOperations } from "../../src/rest";
import { useTestDatabase } from "../helpers";
import { callOverRest, callProcedure, ROLES_LOW_TO_HIGH, reportedCall } from "./call";
import { loadCases } from "./load-cases";
import { publicProcedures } from "./public";
import { createWorld } from "./world";

/**
 * Every procedure of the app router, called as people who must not get through, with inputs
 * that point at team A's records. A procedure without a case in ./cases fails here: new
 * procedures cannot skip the proof. The procedures come from src/procedures.ts, which the
 * compiler holds to the router's every path; see ./README.md for the case format.
 */
const t = useTestDatabase();
const cases = await loadCases();

/** The top-level fields a caller sends, read from the input schema as JSON Schema. */
function inputKeys(schema: z.ZodType | null): string[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
  };
  return Object.keys(json.properties ?? {});
}

const procedures = procedureEntries.map(([path, entry]) => ({
  path,
  type: entry.type,
  access: entry.access ?? undefined,
  sessionOnly: entry.sessionOnly,
  inputKeys: inputKeys(entry.input),
}));
const REFUSALS = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"];

describe("isolation sweep: the inventory", () => {
  it("finds procedures to check", () => {
    expect(procedures.length).toBeGreaterThan(5);
  });

  it("has a case for every protected procedure and a reason for every public one", () => {
    const missing = procedures
      .filter(({ path, access }) => (access ? !cases.has(path) : !(path in publicProcedures)))
      .map(({ path, access }) =>
        access
          ? `${path}: add a case to test/isolation/cases/<domain>.ts`
          : `${path}: public; add it to test/isolation/public.ts with a reason, or give it an access check`,
      );
    expect(missing).toEqual([]);
  });

  it("has no case or allowlist entry for a procedure that no longer exists", () => {
    const paths = new Set<string>(procedures.map((p) => p.path));
    const stale = [...cases.keys(), ...Object.keys(publicProcedures)].filter((p) => !paths.has(p));
    expect(stale).toEqual([]);
  });

  it("gives every team or project procedure an input schema that names its team or project", () => {
    // The access check reads the id from the raw input; the procedure's own schema must carry
    // it too, or callers could not send it and handlers would not see it validated.
    const scoped = procedures.filter(
      (p) => p.access?.scope === "team" || p.access?.scope === "project",
    );
    expect(scoped.length).toBeGreaterThan(10);
    const without = scoped
      .filter((p) => !p.inputKeys.includes(p.access?.scope === "team" ? "teamId" : "projectId"))
      .map((p) => p.path);
    expect(without).toEqual([]);
  });

  it("lists each procedure with the kind and access rule its own factory records", async () => {
    // Called signed out, every procedure runs its factory's middleware, which reports the
    // metadata the factory gave it: the list in src/procedures.ts must say the same.
    const differing: string[] = [];
    for (const { path, type, access, sessionOnly } of procedures) {
      const call = await reportedCall(t.db, path);
      const listed = { type, access: access ?? null, sessionOnly };
      const reported = {
        type: call?.type,
        access: call?.meta.access ?? null,
        sessionOnly: call?.meta.sessionOnly ?? false,
      };
      if (JSON.stringify(listed) !== JSON.stringify(reported)) {
        differing.push(
          `${path}: listed ${JSON.stringify(listed)}, reports ${JSON.stringify(reported)}`,
        );
      }
    }
    expect(differing).toEqual([]);
  });

  it("lists as public only procedures without an access check", () => {
    const guarded = procedures.filter((p) => p.access && p.path in publicProcedures);
    expect(guarded.map((p) => p.path)).toEqual([]);
  });
});

/**
 * Each procedure in-process, and again over the REST API (/api/v1) when it is served there:
 * the same refusals must hold on both.
 */
const restPaths = new Set(restOperations().map((op) => op.procedure));
const transports = {
  "in-process": callProcedure,
  REST: callOverRest,
} satisfies Record<string, typeof callProcedure>;
const runs = procedures
  .filter((p) => p.access)
  .flatMap((p) => [
    { ...p, transport: "in-process" as const },
    ...(restPaths.has(p.path) ? [{ ...p, transport: "REST" as const }] : []),
  ]);

describe.each(runs)("isolation sweep: $path ($transport)", ({ path, access, transport }) => {
  const callProcedure = transports[transport];
  const testCase = cases.get(path);
  const scope = access?.scope;
  const minRole: Role = access?.minRole ?? "VIEWER";

  it.skipIf(!testCase)("refuses a signed-out caller with UNAUTHORIZED", async () => {
    const world = await createWorld(t.db);
    const outcome = await callProcedure(t.db, null, path, await testCase?.input?.(world));
    expect(outcome).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
  });

  if (scope === "team" || scope === "project") {
    it.skipIf(!testCase)("answers NOT_FOUND to a user of another team", async () => {
      const world = await createWorld(t.db);
      const input = await testCase?.input?.(world);
      const outcome = await callProcedure(t.db, world.outsider, path, input);
      expect(outcome).toMatchObject({ ok: false, code: "NOT_FOUND" });
    });

    // VIEWER is the lowest role: for viewer-level procedures the outsider check is the proof.
    const below = ROLES_LOW_TO_HIGH[ROLES_LOW_TO_HIGH.indexOf(minRole) - 1];
    if (below) {
      it.skipIf(!testCase)(
        `answers FORBIDDEN to a ${below.toLowerCase()} (needs ${minRole.toLowerCase()})`,
        async () => {
          const world = await createWorld(t.db);
          const input = await testCase?.input?.(world);
          const outcome = await callProcedure(t.db, world.userWithRole(below), path, input);
          expect(outcome).toMatchObject({ ok: false, code: "FORBIDDEN" });
        },
      );
    }

    it.skipIf(!testCase || Boolean(testCase?.skipAllowedCheck))(
      `lets a ${minRole.toLowerCase()} of the team through (the input really points at team A)`,
      async () => {
        const world = await createWorld(t.db);
        const input = await testCase?.input?.(world);
        const outcome = await callProcedure(t.db, world.userWithRole(minRole), path, input);
        if (!outcome.ok) expect(REFUSALS, outcome.message).not.toContain(outcome.code);
      },
    );
  }

  if (scope === "user") {
    it.skipIf(!testCase)("keeps a user of another team out of team A's records", async () => {
      const world = await createWorld(t.db);
      const input = await testCase?.input?.(world);
      const rule = testCase?.outsider;
      expect(rule, `${path}: a user-scoped case must say how outsiders are kept out`).toBeDefined();
      if (!rule || "ownDataOnly" in rule) return;
      const outcome = await callProcedure(t.db, world.outsider, path, input);
      if ("code" in rule) expect(outcome).toMatchObject({ ok: false, code: rule.code });
      else {
        expect(outcome.ok, outcome.ok ? "" : outcome.message).toBe(true);
        if (outcome.ok) await rule.check(outcome.result, world);
      }
    });
  }
});
