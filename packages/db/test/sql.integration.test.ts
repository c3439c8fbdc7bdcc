import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolStats } from "../src/client";
import { sql, sqlTransaction } from "../src/sql";
import { createTestDatabase, type TestDatabase } from "../src/testing";

describe("sql and sqlTransaction (node-postgres on the Prisma client's pool)", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase({ poolSize: 2 });
  }, 60_000);
  afterAll(() => test.drop());

  it("runs a statement with parameters and returns its rows", async () => {
    const rows = await sql(test.db).query<{ sum: number; word: string }>(
      "SELECT ($1::int + $2::int) AS sum, upper($3) AS word",
      [2, 3, "tradeoff"],
    );
    expect(rows).toEqual([{ sum: 5, word: "TRADEOFF" }]);
  });

  it("commits what the work wrote, seen by Prisma afterwards", async () => {
    const id = await sqlTransaction(test.db, async (tx) => {
      const [team] = await tx.query<{ id: string }>(
        "INSERT INTO teams (id, name, slug, updated_at) VALUES ($1, $2, $3, now()) RETURNING id",
        ["team-committed", "Committed", "committed"],
      );
      return team?.id;
    });
    expect(id).toBe("team-committed");
    expect(await test.db.team.findUnique({ where: { id: "team-committed" } })).not.toBeNull();
  });

  it("rolls back everything when the work throws, rethrows, and gives the connection back", async () => {
    const failure = sqlTransaction(test.db, async (tx) => {
      await tx.query("INSERT INTO teams (id, name, slug, updated_at) VALUES ($1, $2, $3, now())", [
        "team-rolled-back",
        "Rolled back",
        "rolled-back",
      ]);
      throw new Error("the check after the write failed");
    });
    await expect(failure).rejects.toThrow("the check after the write failed");
    expect(await test.db.team.findUnique({ where: { id: "team-rolled-back" } })).toBeNull();

    // A failing statement rolls back too, and the pool (2 connections) is not exhausted.
    for (let i = 0; i < 5; i++) {
      await expect(
        sqlTransaction(test.db, (tx) => tx.query("SELECT * FROM no_such_table")),
      ).rejects.toThrow(/no_such_table/);
    }
    expect(poolStats(test.db)).toMatchObject({ waiting: 0 });
    expect(await sql(test.db).query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });
});
