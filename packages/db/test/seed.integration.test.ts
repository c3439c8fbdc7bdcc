import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createTeam, createUser } from "../src/factories";
import { seedDemo } from "../src/seed";
import { createTestDatabase, type TestDatabase } from "../src/testing";

const hashPassword = async (plain: string) => `hashed:${plain}`;

describe("seedDemo", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("creates the demo user and team once, however often it runs", async () => {
    const first = await seedDemo(test.db, { hashPassword });
    expect(first).toEqual({
      created: true,
      email: "demo@tradeoff.dev",
      password: "tradeoff-demo",
      teamSlug: "demo",
    });
    const second = await seedDemo(test.db, { hashPassword });
    expect(second.created).toBe(false);

    const users = await test.db.user.findMany({ where: { email: "demo@tradeoff.dev" } });
    expect(users).toHaveLength(1);
    expect(users[0]?.passwordHash).toBe("hashed:tradeoff-demo");
    const teams = await test.db.team.findMany({
      where: { slug: "demo" },
      include: { memberships: true },
    });
    expect(teams).toHaveLength(1);
    expect(teams[0]?.name).toBe("Demo team");
    expect(teams[0]?.memberships).toEqual([
      expect.objectContaining({ userId: users[0]?.id, role: "OWNER" }),
    ]);
  });
});

describe("factories", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("create users and teams with unique defaults and the requested roles", async () => {
    const [alice, bob] = await Promise.all([createUser(test.db), createUser(test.db)]);
    expect(alice.email).not.toBe(bob.email);
    const mixedCase = await createUser(test.db, { email: "Carol@Example.TEST", name: "Carol" });
    expect(mixedCase.email).toBe("carol@example.test");

    const team = await createTeam(test.db, { ownerId: alice.id });
    const other = await createTeam(test.db, { ownerId: alice.id });
    expect(team.slug).not.toBe(other.slug);
    await addMember(test.db, team.id, bob.id, "VIEWER");
    await addMember(test.db, team.id, mixedCase.id);

    const memberships = await test.db.membership.findMany({
      where: { teamId: team.id },
      select: { userId: true, role: true },
    });
    expect(memberships).toEqual(
      expect.arrayContaining([
        { userId: alice.id, role: "OWNER" },
        { userId: bob.id, role: "VIEWER" },
        { userId: mixedCase.id, role: "MEMBER" },
      ]),
    );
    await expect(addMember(test.db, team.id, bob.id)).rejects.toThrow();
  });

  it("deleting a team or a user removes their memberships", async () => {
    const owner = await createUser(test.db);
    const member = await createUser(test.db);
    const team = await createTeam(test.db, { ownerId: owner.id });
    await addMember(test.db, team.id, member.id);
    await test.db.user.delete({ where: { id: member.id } });
    expect(await test.db.membership.count({ where: { teamId: team.id } })).toBe(1);
    await test.db.team.delete({ where: { id: team.id } });
    expect(await test.db.membership.count({ where: { userId: owner.id } })).toBe(0);
  });
});
