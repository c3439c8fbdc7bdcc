import { createUser } from "@tradeoff/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { procedureEntries } from "../../src/procedures";
import { useTestDatabase } from "../helpers";
import { callProcedure } from "./call";

/**
 * A team- or project-scoped procedure says who may not call it before it says what is wrong
 * with the input: a signed-out caller is told to sign in, and an access token calling team
 * administration is told to use the browser, even when the team or project id it sent is
 * malformed. A refusal never depends on (or hints at) what was sent.
 */
const t = useTestDatabase();
const MALFORMED = { teamId: "not an id!", projectId: "not an id!" };
const TOKEN_REFUSAL = /^Access tokens cannot manage teams.*Sign in to Tradeoff in the browser/;

const scoped = procedureEntries.flatMap(([path, entry]) =>
  entry.access?.scope === "team" || entry.access?.scope === "project"
    ? [{ path, sessionOnly: entry.sessionOnly }]
    : [],
);

let user: { id: string; email: string | null; name: string | null };
beforeAll(async () => {
  user = await createUser(t.db, { name: "Token Holder" });
});

describe("scoped procedures: refusals come before the input is read", () => {
  it("finds both scopes, and team administration among them", () => {
    expect(scoped.map((p) => p.path)).toEqual(
      expect.arrayContaining(["member.list", "project.get", "team.rename"]),
    );
    expect(scoped.filter((p) => p.sessionOnly).map((p) => p.path)).toContain("team.rename");
  });

  it.each(scoped)(
    "$path: a signed-out caller with a malformed id is told to sign in",
    async ({ path }) => {
      const outcome = await callProcedure(t.db, null, path, MALFORMED);
      expect(outcome).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    },
  );

  it.each(scoped.filter((p) => p.sessionOnly))(
    "$path: an access token with a malformed id is told to use the browser",
    async ({ path }) => {
      const outcome = await callProcedure(t.db, user, path, MALFORMED, "token");
      expect(outcome).toMatchObject({ ok: false, code: "FORBIDDEN" });
      if (!outcome.ok) expect(outcome.message).toMatch(TOKEN_REFUSAL);
    },
  );
});
