import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";

const t = useTestDatabase();

/** Signs up through the API (which answers alike for every email), then finds the account. */
async function signUp(name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@example.com`;
  await t.callerAs(null).auth.signUp({ name, email, password: "plum copper lantern 57" });
  return t.db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, name: true },
  });
}

describe("teams", () => {
  it("makes the creator the team's OWNER and lists the team for them only", async () => {
    const owner = await signUp("Grace Hopper");
    const stranger = await signUp("Linus");
    const team = await t.callerAs(owner).team.create({ name: "  Billing Platform  " });
    expect(team).toMatchObject({
      name: "Billing Platform",
      slug: "billing-platform",
      role: "OWNER",
    });

    const membership = await t.db.membership.findFirstOrThrow({ where: { teamId: team.id } });
    expect(membership).toMatchObject({ userId: owner.id, role: "OWNER" });

    expect((await t.callerAs(owner).team.list()).map((x) => x.slug)).toEqual(["billing-platform"]);
    expect(await t.callerAs(stranger).team.list()).toEqual([]);
  });

  it("gives two teams with the same name different addresses", async () => {
    const owner = await signUp("Same Name Owner");
    const first = await t.callerAs(owner).team.create({ name: "Platform" });
    const second = await t.callerAs(owner).team.create({ name: "Platform" });
    expect(first.slug).toBe("platform");
    expect(second.slug).toMatch(/^platform-[0-9a-f]{6}$/);
  });

  it("creates every one of several teams with one name created at the same moment", async () => {
    const owner = await signUp("Racing Owner");
    const teams = await Promise.all(
      Array.from({ length: 6 }, () => t.callerAs(owner).team.create({ name: "Racing" })),
    );
    const slugs = teams.map((team) => team.slug);
    expect(new Set(slugs).size).toBe(6);
    expect(slugs).toContain("racing");
    for (const slug of slugs) expect(slug).toMatch(/^racing(-[0-9a-f]{6})?$/);
    expect(await t.db.team.count({ where: { name: "Racing" } })).toBe(6);
    expect(await t.db.membership.count({ where: { userId: owner.id, role: "OWNER" } })).toBe(6);
  });

  it("shows a team to its members and answers NOT_FOUND to anyone else", async () => {
    const owner = await signUp("Team Owner");
    const outsider = await signUp("Outsider");
    const team = await t.callerAs(owner).team.create({ name: "Secret Project" });

    const seen = await t.callerAs(owner).team.get({ slug: team.slug });
    expect(seen).toMatchObject({ id: team.id, role: "OWNER", memberCount: 1 });

    expect((await trpcError(t.callerAs(outsider).team.get({ slug: team.slug }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await trpcError(t.callerAs(outsider).team.get({ slug: "no-such-team" }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await trpcError(t.callerAs(null).team.get({ slug: team.slug }))).code).toBe(
      "UNAUTHORIZED",
    );
  });

  it("rejects an empty or over-long team name and writes nothing", async () => {
    const owner = await signUp("Careful Owner");
    const before = await t.db.team.count();
    for (const name of ["", "   ", "x".repeat(81)]) {
      const error = await trpcError(t.callerAs(owner).team.create({ name }));
      expect(error.code).toBe("BAD_REQUEST");
    }
    expect(await t.db.team.count()).toBe(before);
    const ok = await t.callerAs(owner).team.create({ name: "x".repeat(80) });
    expect(ok.name).toHaveLength(80);
  });

  it("refuses text the database cannot store (a NUL character) as bad input, writing nothing", async () => {
    const owner = await signUp("Nul Tester");
    const before = await t.db.team.count();
    const error = await trpcError(t.callerAs(owner).team.create({ name: "Pay\u0000ments" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/cannot be stored/);
    expect(await t.db.team.count()).toBe(before);
    const badId = await trpcError(t.callerAs(owner).member.list({ teamId: "team\u0000id" }));
    expect(badId.code).toBe("BAD_REQUEST");
  });

  it("refuses to create a team for a signed-out caller", async () => {
    expect((await trpcError(t.callerAs(null).team.create({ name: "Nope" }))).code).toBe(
      "UNAUTHORIZED",
    );
  });
});
