import { describe, expect, it } from "vitest";
import { sentTwiceThenRetried, trpcError, useTestDatabase } from "./helpers";

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

  it("creates a team once per idempotency key: a double submit or a retry answers the first", async () => {
    const owner = await signUp("Double Clicker");
    const other = await signUp("Other Clicker");
    const key = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a";
    // A retry after a lost answer, even with the name edited meanwhile, answers the same team.
    const first = await sentTwiceThenRetried(
      () => t.callerAs(owner).team.create({ name: "Clicked twice", idempotencyKey: key }),
      () => t.callerAs(owner).team.create({ name: "Clicked twice (edited)", idempotencyKey: key }),
    );
    expect(first).toMatchObject({ name: "Clicked twice", slug: "clicked-twice", role: "OWNER" });
    expect(await t.db.team.count({ where: { name: { startsWith: "Clicked twice" } } })).toBe(1);
    expect(
      await t.db.auditEvent.count({ where: { teamId: first.id, action: "team.created" } }),
    ).toBe(1);

    // The key is the creator's: another person's key that happens to be the same is theirs.
    const theirs = await t
      .callerAs(other)
      .team.create({ name: "Clicked twice", idempotencyKey: key });
    expect(theirs.id).not.toBe(first.id);
    // A new submission (a new key) creates a new team; no key at all does too.
    const again = await t.callerAs(owner).team.create({
      name: "Clicked twice",
      idempotencyKey: "9b8a7f6e-5d4c-4b3a-8f1e-0d9c8b7a6f5e",
    });
    expect(again.id).not.toBe(first.id);
    expect(await t.db.team.count({ where: { name: "Clicked twice" } })).toBe(3);

    const error = await trpcError(
      t.callerAs(owner).team.create({ name: "Keyed", idempotencyKey: "click-1" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("Send the idempotency key as a UUID made for this team");
  });

  it("does not answer a team its creator has since left, and refuses to reuse that key", async () => {
    const owner = await signUp("Key Keeper");
    const heir = await signUp("Key Heir");
    const key = "5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c";
    const team = await t.callerAs(owner).team.create({ name: "Handed on", idempotencyKey: key });
    await t.db.membership.create({ data: { teamId: team.id, userId: heir.id, role: "ADMIN" } });
    await t.callerAs(owner).team.transferOwnership({ teamId: team.id, userId: heir.id });
    await t.callerAs(owner).team.leave({ teamId: team.id });

    const error = await trpcError(
      t.callerAs(owner).team.create({ name: "Handed on", idempotencyKey: key }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "This idempotency key was already used to create a team you are no longer a member of: send a new key with each new team.",
    );
    expect(await t.db.team.count({ where: { name: "Handed on" } })).toBe(1);
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
