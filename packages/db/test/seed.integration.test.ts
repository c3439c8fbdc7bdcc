import { describe, expect, it } from "vitest";
import { addMember, createTeam, createUser } from "../src/factories";
import { DEMO_ACCOUNT_WARNING, seedDemo, seedForStartup } from "../src/seed";
import { useTestDatabase } from "./support";

const hashPassword = async (plain: string) => `hashed:${plain}`;

describe("seedDemo", () => {
  const test = useTestDatabase();

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

describe("seedForStartup: the demo account (published password) stays off deployments", () => {
  const test = useTestDatabase();
  const demoUsers = () => test.db.user.count({ where: { email: "demo@tradeoff.dev" } });

  it("never seeds a configured database, and says so when a demo account is already there", async () => {
    const start = await seedForStartup(test.db, { hashPassword, embedded: false, seedDemo: false });
    expect(start).toEqual({ demo: null, warnings: [] });
    expect(await demoUsers()).toBe(0);

    // SEED_DEMO=true is the only way onto a configured database, and every start warns.
    const seeded = await seedForStartup(test.db, { hashPassword, embedded: false, seedDemo: true });
    expect(seeded.demo?.email).toBe("demo@tradeoff.dev");
    expect(seeded.warnings).toEqual([expect.stringMatching(/SEED_DEMO=true.*published password/)]);
    expect(await demoUsers()).toBe(1);
    const again = await seedForStartup(test.db, { hashPassword, embedded: false, seedDemo: true });
    expect(again.warnings).toHaveLength(1);

    // Later starts without SEED_DEMO find the account and report it rather than keep quiet.
    const later = await seedForStartup(test.db, { hashPassword, embedded: false, seedDemo: false });
    expect(later).toEqual({ demo: null, warnings: [DEMO_ACCOUNT_WARNING] });
  });

  it("seeds the embedded database of a local run without a warning", async () => {
    await test.db.user.deleteMany({ where: { email: "demo@tradeoff.dev" } });
    const local = await seedForStartup(test.db, { hashPassword, embedded: true, seedDemo: false });
    expect(local.demo).toMatchObject({ email: "demo@tradeoff.dev", password: "tradeoff-demo" });
    expect(local.warnings).toEqual([]);
    expect(await demoUsers()).toBe(1);
  });
});

describe("factories", () => {
  const test = useTestDatabase();

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
