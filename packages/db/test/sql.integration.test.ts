import { describe, expect, it } from "vitest";
import { sql, statement } from "../src/sql";
import { projectAccess, teamAccess } from "../src/statements";
import { useTestDatabase } from "./support";

describe("typed statements (hand-written SQL through Prisma's $queryRaw)", () => {
  const test = useTestDatabase({ poolSize: 2 });

  it("binds parameters (never splices them) and returns typed rows", async () => {
    const sumAndWord = statement<
      { a: number; b: number; word: string },
      { sum: number; word: string }
    >(({ a, b, word }) => sql`SELECT (${a}::int + ${b}::int) AS sum, upper(${word}) AS word`);
    expect(await sumAndWord(test.db, { a: 2, b: 3, word: "tradeoff" })).toEqual([
      { sum: 5, word: "TRADEOFF" },
    ]);
    const quoted = statement<{ text: string }, { text: string }>(
      ({ text }) => sql`SELECT ${text}::text AS text`,
    );
    expect(await quoted(test.db, { text: "'; DROP TABLE users; --" })).toEqual([
      { text: "'; DROP TABLE users; --" },
    ]);
  });

  it("runs inside a Prisma transaction and rolls back with it", async () => {
    const insertTeam = statement<{ id: string }, { id: string }>(
      ({ id }) =>
        sql`INSERT INTO teams (id, name, slug, updated_at) VALUES (${id}, ${id}, ${id}, now()) RETURNING id`,
    );
    const failure = test.db.$transaction(async (tx) => {
      await insertTeam(tx, { id: "team-rolled-back" });
      throw new Error("the check after the write failed");
    });
    await expect(failure).rejects.toThrow("the check after the write failed");
    expect(await test.db.team.findUnique({ where: { id: "team-rolled-back" } })).toBeNull();
    await test.db.$transaction((tx) => insertTeam(tx, { id: "team-committed" }));
    expect(await test.db.team.findUnique({ where: { id: "team-committed" } })).not.toBeNull();
  });

  it("answers the access checks with the caller's role and session version", async () => {
    const user = await test.db.user.create({ data: { email: "a@example.com", name: "A" } });
    await test.db.membership.create({
      data: { teamId: "team-committed", userId: user.id, role: "ADMIN" },
    });
    expect(await teamAccess(test.db, { teamId: "team-committed", userId: user.id })).toEqual([
      { teamId: "team-committed", role: "ADMIN", tokenVersion: 0, sessionLive: true },
    ]);
    // A session id is live while its sign-in record exists, and only for its own user.
    const session = await test.db.signInSession.create({ data: { userId: user.id } });
    const other = await test.db.user.create({ data: { email: "b@example.com", name: "B" } });
    const foreign = await test.db.signInSession.create({ data: { userId: other.id } });
    const live = (sessionId: string) =>
      teamAccess(test.db, { teamId: "team-committed", userId: user.id, sessionId }).then(
        (rows) => rows[0]?.sessionLive,
      );
    expect(await live(session.id)).toBe(true);
    expect(await live(foreign.id)).toBe(false);
    await test.db.signInSession.delete({ where: { id: session.id } });
    expect(await live(session.id)).toBe(false);
    expect(await projectAccess(test.db, { projectId: "no-such-project", userId: user.id })).toEqual(
      [],
    );
  });
});
