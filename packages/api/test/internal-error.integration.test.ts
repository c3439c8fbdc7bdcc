import { createTeam, createUser } from "@tradeoff/db/testing";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { appRouter } from "../src/root";
import { createContextInner } from "../src/trpc";
import { useTestDatabase } from "./helpers";

/**
 * A failure nobody planned for (here a table gone from under the app) answers over HTTP with
 * a generic sentence and the request id that finds the detail in the log: never the
 * database's own words, which name tables, columns and queries.
 */
const t = useTestDatabase();

describe("an unexpected failure over HTTP", () => {
  it("answers 500 with a generic message and its request id, and nothing of the cause", async () => {
    const owner = await createUser(t.db, { name: "Failure Owner" });
    const team = await createTeam(t.db, { ownerId: owner.id, name: "Failure team" });
    await t.db.$executeRawUnsafe("DROP TABLE audit_events CASCADE");

    const requestId = "req-internal-failure-1";
    const url = new URL("http://tradeoff.test/api/trpc/audit.list");
    url.searchParams.set("input", JSON.stringify({ teamId: team.id }));
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(url),
      router: appRouter,
      createContext: () =>
        createContextInner({
          db: t.db,
          user: { id: owner.id, email: owner.email ?? "", name: owner.name, tokenVersion: 0 },
          requestId,
        }),
    });
    const text = await res.text();
    expect(res.status).toBe(500);
    const body = JSON.parse(text) as {
      error: { message: string; data: { code: string; requestId: string | null } };
    };
    expect(body.error.data.code).toBe("INTERNAL_SERVER_ERROR");
    expect(body.error.data.requestId).toBe(requestId);
    expect(body.error.message).toBe(
      `Something went wrong on our side (request id ${requestId}). Try again in a moment; if it keeps failing, give the request id to whoever runs this server.`,
    );
    expect(text).not.toMatch(/audit_events|does not exist|relation|prisma|stack/i);
  });
});
