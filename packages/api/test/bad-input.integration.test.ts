import type { SessionUser } from "@tradeoff/auth";
import type { Database } from "@tradeoff/db";
import { createTeam, createUser } from "@tradeoff/db/testing";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { procedureEntries } from "../src/procedures";
import { appRouter } from "../src/root";
import { createContextInner } from "../src/trpc";
import { useTestDatabase } from "./helpers";
import { blankInput } from "./project-fixtures";

/**
 * Bad input sweep: every procedure of the app router receives generated invalid inputs (wrong
 * types, huge strings, deep nesting, unknown keys, negative and NaN numbers, real ids next to
 * broken fields). None may fail with a 500: each answers a 4xx with a message, and nothing is
 * written (row counts of every table are the same before and after).
 */
const t = useTestDatabase();

/** Every procedure with its input schema, from the list the compiler holds to the router. */
const procedures = procedureEntries.map(([path, { type, input }]) => ({ path, type, input }));

/** Mutations without input do what they do whatever is sent; calling them would write. */
const NO_INPUT_MUTATIONS: Record<string, string> = {
  "account.signOutEverywhere": "takes no input: it ends the caller's sessions, by design",
  "account.endOtherSessions":
    "takes no input: it ends the caller's sessions other than this one, by design",
  "notification.markAllRead": "takes no input: it marks the caller's own notifications read",
};

const RUNS_PER_PROCEDURE = 40;

type World = { user: SessionUser; teamId: string; projectId: string; slug: string };
let world: World;

beforeAll(async () => {
  const owner = await createUser(t.db, { name: "Sweep Owner" });
  const team = await createTeam(t.db, { ownerId: owner.id, name: "Sweep team" });
  const user: SessionUser = {
    id: owner.id,
    email: owner.email ?? "",
    name: owner.name,
    tokenVersion: 0,
  };
  const api = caller(user);
  const project = await api.project.create(blankInput(team.id));
  await api.project.open({ projectId: project.id });
  world = { user, teamId: team.id, projectId: project.id, slug: team.slug };
}, 60_000);

function caller(user: SessionUser | null) {
  return appRouter.createCaller(createContextInner({ db: t.db, user }));
}

/** Rows in every table of the schema (migrations bookkeeping aside). */
async function rowCounts(db: Database): Promise<Record<string, number>> {
  // One statement: each table's count is run by the database itself (format's %I quotes it).
  const rows = await db.$queryRaw<{ name: string; n: number }[]>`
    SELECT tablename AS name,
      (xpath('/row/n/text()', query_to_xml(
        format('SELECT count(*) AS n FROM %I.%I', schemaname, tablename), false, true, '')))[1]::text::int AS n
    FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
    ORDER BY tablename`;
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}

/** Field names a procedure's input declares, read from its JSON Schema (through pipes, defaults, optionals). */
function fieldNames(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
  };
  return Object.keys(json.properties ?? {});
}

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

/** One broken value: the wrong type, out of range, enormous or absurdly nested. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    Number.NaN,
    -1,
    -0,
    Number.NEGATIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.MAX_SAFE_INTEGER,
    1.5,
    "",
    " ",
    true,
    false,
    [],
    {},
    "\u0000",
    "😀".repeat(50),
    "<script>alert(1)</script>",
    "' OR 1=1 --",
  ),
  fc.integer({ min: -1_000_000_000, max: -1 }),
  fc.double(),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: 10_000, max: 300_000 }).map((n) => "x".repeat(n)),
  fc.integer({ min: 50, max: 3_000 }).map(nested),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.anything({ maxDepth: 2 }), { maxKeys: 5 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}')),
);

/**
 * A whole input for a procedure: junk in place of the object, or the procedure's own fields with
 * real ids of the caller's team next to broken values and keys it does not know.
 */
function inputFor(fields: string[]): fc.Arbitrary<unknown> {
  const idFor = (field: string) =>
    field === "teamId"
      ? fc.constant(world.teamId)
      : field === "projectId"
        ? fc.constant(world.projectId)
        : field === "slug"
          ? fc.constant(world.slug)
          : junk;
  const shaped =
    fields.length === 0
      ? fc.constant({})
      : fc.record(
          Object.fromEntries(
            fields.map((field) => [field, fc.oneof({ weight: 2, arbitrary: idFor(field) }, junk)]),
          ),
          { requiredKeys: [] },
        );
  const withUnknownKeys = fc
    .tuple(shaped, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), junk, { maxKeys: 3 }))
    .map(([known, extra]) => ({ ...extra, ...known }));
  return fc.oneof(junk, shaped, withUnknownKeys);
}

/** True when the procedure's input schema refuses the value. */
async function refused(schema: z.ZodType, value: unknown): Promise<boolean> {
  try {
    return !(await schema.safeParseAsync(value)).success;
  } catch {
    return true;
  }
}

async function call(path: string, input: unknown): Promise<unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: walking the caller proxy by a runtime path.
  const fn = path.split(".").reduce<any>((node, key) => node[key], caller(world.user)) as (
    input: unknown,
  ) => Promise<unknown>;
  const result = await fn(input);
  // A subscription that started hands back an iterator: close it so nothing keeps running.
  const iterator = result as { return?: () => unknown } | null;
  if (iterator && typeof iterator === "object" && Symbol.asyncIterator in iterator) {
    await iterator.return?.();
  }
  return result;
}

describe("bad input sweep", () => {
  it("lists every procedure of the app router", () => {
    expect(procedures.length).toBeGreaterThan(50);
    expect(procedures.map((p) => p.path)).toContain("vote.cast");
  });

  describe.each(procedures)("$path ($type)", ({ path, type, input: schema }) => {
    if (!schema) {
      const reason = NO_INPUT_MUTATIONS[path];
      if (type === "mutation") {
        // Sending it junk would run it; each such mutation must say why that is harmless.
        it("takes no input, and says why it is not swept with junk", () => {
          expect(reason, `add ${path} to NO_INPUT_MUTATIONS with a reason`).toMatch(/\w{3,}/);
        });
        return;
      }
      it("takes no input: whatever is sent is ignored, never a 500, nothing written", async () => {
        const before = await rowCounts(t.db);
        await fc.assert(
          fc.asyncProperty(junk, async (input) => {
            const outcome = await call(path, input).then(
              () => null,
              (error: unknown) => error,
            );
            if (outcome !== null) {
              expect(outcome).toBeInstanceOf(TRPCError);
              expect(getHTTPStatusCodeFromError(outcome as TRPCError)).toBeLessThan(500);
            }
          }),
          { numRuns: 10 },
        );
        expect(await rowCounts(t.db)).toEqual(before);
      });
      return;
    }

    it("answers invalid input with a 4xx and a message, and writes nothing", async () => {
      const fields = fieldNames(schema);
      const before = await rowCounts(t.db);
      let tried = 0;
      await fc.assert(
        fc.asyncProperty(inputFor(fields), async (input) => {
          // Extra keys are dropped and some fields are optional: a value that happens to be
          // valid is not what this sweep is about (and calling it would really act).
          if (!(await refused(schema, input))) return;
          tried++;
          const error = await call(path, input).then(
            () => null,
            (e: unknown) => e,
          );
          if (!(error instanceof TRPCError)) {
            throw new Error(`${path} answered ${String(error)} to ${describeInput(input)}`);
          }
          const trpcError = error as TRPCError;
          const status = getHTTPStatusCodeFromError(trpcError);
          expect(status, `${path}: ${trpcError.code} ${trpcError.message}`).toBeGreaterThanOrEqual(
            400,
          );
          expect(status, `${path}: ${trpcError.code} ${trpcError.message}`).toBeLessThan(500);
          expect(trpcError.message.trim().length).toBeGreaterThan(0);
        }),
        { numRuns: RUNS_PER_PROCEDURE },
      );
      expect(tried, "most generated inputs are invalid").toBeGreaterThan(RUNS_PER_PROCEDURE / 4);
      expect(await rowCounts(t.db)).toEqual(before);
    });
  });
});

function describeInput(input: unknown): string {
  try {
    return JSON.stringify(input).slice(0, 300);
  } catch {
    return Object.prototype.toString.call(input);
  }
}

/**
 * The same refusals through tRPC's fetch adapter (the transport of the web app's /api/trpc
 * route): a 4xx status, the message in the body, and no stack trace.
 */
describe("bad input over HTTP", () => {
  async function overHttp(init: {
    path: string;
    method: "GET" | "POST";
    body?: string;
    query?: string;
  }) {
    const url = new URL(`http://tradeoff.test/api/trpc/${init.path}`);
    if (init.query !== undefined) url.searchParams.set("input", init.query);
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(url, {
        method: init.method,
        headers: { "content-type": "application/json" },
        body: init.body,
      }),
      router: appRouter,
      createContext: () => createContextInner({ db: t.db, user: world.user }),
    });
    const text = await res.text();
    return { status: res.status, text };
  }

  const cases = [
    { label: "a number for the vote", path: "vote.cast", method: "POST", body: "42" },
    {
      label: "a text importance and a negative score",
      path: "vote.cast",
      method: "POST",
      body: () =>
        JSON.stringify({
          projectId: world.projectId,
          criterionKey: "ops",
          weight: "NaN",
          scores: { kafka: -3 },
        }),
    },
    {
      label: "a megabyte team name",
      path: "team.create",
      method: "POST",
      body: () => JSON.stringify({ name: "x".repeat(1_000_000) }),
    },
    { label: "a body that is not JSON", path: "team.create", method: "POST", body: "{not json" },
    {
      label: "deeply nested query input",
      path: "project.get",
      method: "GET",
      query: () => JSON.stringify(nested(2_000)),
    },
    { label: "a query input that is not JSON", path: "project.list", method: "GET", query: "%%%" },
    { label: "a procedure that does not exist", path: "nope.nothing", method: "GET", query: "{}" },
    { label: "a query called as a mutation", path: "project.get", method: "POST", body: "{}" },
  ] as const;

  it.each(cases)("$label: a 4xx with a message, no stack trace, nothing written", async (c) => {
    const before = await rowCounts(t.db);
    const resolve = (v: string | (() => string) | undefined) => (typeof v === "function" ? v() : v);
    const res = await overHttp({
      path: c.path,
      method: c.method,
      body: "body" in c ? resolve(c.body) : undefined,
      query: "query" in c ? resolve(c.query) : undefined,
    });
    expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
    const body = JSON.parse(res.text) as { error?: { message?: string } };
    expect(body.error?.message?.trim().length ?? 0).toBeGreaterThan(0);
    expect(res.text).not.toMatch(/"stack"|\n\s+at |\.ts:\d+/);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});
