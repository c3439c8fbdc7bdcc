import type { SessionUser } from "@tradeoff/auth";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { appRouter } from "../../src/root";
import { createContextInner } from "../../src/trpc";
import { useTestDatabase } from "../helpers";
import { pendingInvitation } from "./cases/teams";
import { createWorld, type World } from "./world";

/**
 * The sweep's refusals again, for a sample of procedures, through tRPC's fetch adapter: the
 * transport the web app's /api/trpc route uses. Proves errors become the right HTTP statuses
 * and that nothing of team A travels in a refusal.
 */
const t = useTestDatabase();

async function overHttp(
  user: World["owner"] | null,
  type: "query" | "mutation",
  path: string,
  input: unknown,
) {
  const url = new URL(`http://tradeoff.test/api/trpc/${path}`);
  const body = input;
  if (type === "query") url.searchParams.set("input", JSON.stringify(body));
  const req = new Request(url, {
    method: type === "query" ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: type === "mutation" ? JSON.stringify(body) : undefined,
  });
  const sessionUser: SessionUser | null = user
    ? { id: user.id, email: user.email ?? "", name: user.name, tokenVersion: 0 }
    : null;
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContextInner({ db: t.db, user: sessionUser }),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: JSON.parse(text) as { error?: { data: { code: string } } },
  };
}

const sample: {
  path: string;
  type: "query" | "mutation";
  input: (world: World) => Promise<unknown> | unknown;
}[] = [
  { path: "member.list", type: "query", input: (w) => ({ teamId: w.teamA.id }) },
  {
    path: "member.changeRole",
    type: "mutation",
    input: (w) => ({ teamId: w.teamA.id, userId: w.viewer.id, role: "ADMIN" }),
  },
  { path: "invitation.list", type: "query", input: (w) => ({ teamId: w.teamA.id }) },
  {
    path: "invitation.revoke",
    type: "mutation",
    input: async (w) => ({ teamId: w.teamA.id, invitationId: (await pendingInvitation(w)).id }),
  },
  { path: "audit.list", type: "query", input: (w) => ({ teamId: w.teamA.id }) },
  { path: "team.get", type: "query", input: (w) => ({ slug: w.teamA.slug }) },
];

describe.each(sample)("over HTTP: $path", ({ path, type, input }) => {
  it("answers 401 signed out, 404 to another team, and leaks nothing of team A", async () => {
    const world = await createWorld(t.db);
    const signedOut = await overHttp(null, type, path, await input(world));
    expect(signedOut.status).toBe(401);
    expect(signedOut.json.error?.data.code).toBe("UNAUTHORIZED");

    const outsider = await overHttp(world.outsider, type, path, await input(world));
    expect(outsider.status).toBe(404);
    expect(outsider.text).not.toContain(world.teamA.name);
    expect(outsider.text).not.toContain(world.owner.email);
  });
});

describe("over HTTP: roles", () => {
  it("answers 403 to a member calling an admin procedure, and 200 to the admin", async () => {
    const world = await createWorld(t.db);
    const input = { teamId: world.teamA.id, userId: world.viewer.id, role: "MEMBER" };
    expect((await overHttp(world.member, "mutation", "member.changeRole", input)).status).toBe(403);
    expect((await overHttp(world.admin, "mutation", "member.changeRole", input)).status).toBe(200);
  });

  it("answers 400 with field messages to a malformed invitation, writing nothing", async () => {
    const world = await createWorld(t.db);
    const res = await overHttp(world.admin, "mutation", "invitation.create", {
      teamId: world.teamA.id,
      email: "nope",
      role: "KING",
    });
    expect(res.status).toBe(400);
    const data = (res.json.error?.data ?? {}) as { fieldErrors?: Record<string, string[]> };
    expect(data.fieldErrors?.email?.[0]).toMatch(/valid email/);
    expect(data.fieldErrors?.role?.[0]).toMatch(/owner, admin, member or viewer/);
    expect(await t.db.invitation.count({ where: { teamId: world.teamA.id } })).toBe(0);
  });
});
