import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPrismaClient, preparesStatements } from "../src/client";
import { startEmbeddedPostgres } from "../src/embedded";
import { sql, statement } from "../src/sql";
import { emptyDatabase } from "./support";

/**
 * Statements are prepared by name, once per connection, on a PostgreSQL server, and left unnamed
 * on the embedded database, whose connections share one session.
 */
const echo = statement<{ id: string }, { echo: string }>(
  ({ id }) => sql`SELECT ${id}::text AS echo`,
);

describe("named statements", () => {
  // pg_prepared_statements of a real server shows what the connection prepared; the embedded
  // database is covered by the next test.
  it.runIf(process.env.TEST_DATABASE_URL)(
    "prepares a statement once on a connection of a PostgreSQL server and reuses it",
    async () => {
      const database = await emptyDatabase();
      const db = createPrismaClient(database.url, { poolSize: 1 });
      try {
        expect(preparesStatements(database.url)).toBe(true);
        expect(await echo(db, { id: "first" })).toEqual([{ echo: "first" }]);
        expect(await echo(db, { id: "second" })).toEqual([{ echo: "second" }]);
        const prepared = await db.$queryRaw<{ name: string; statement: string }[]>`
          SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE '%AS echo'`;
        expect(prepared).toEqual([
          { name: expect.stringMatching(/^t[\w-]{27}$/), statement: "SELECT $1::text AS echo" },
        ]);
      } finally {
        await db.$disconnect();
        await database.drop();
      }
    },
  );

  it("leaves statements unnamed on the embedded database, so two clients run the same one", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "tradeoff-db-test-"));
    const embedded = await startEmbeddedPostgres({ dataDir });
    const one = createPrismaClient(embedded.url, { poolSize: 2 });
    const two = createPrismaClient(embedded.url, { poolSize: 2 });
    try {
      expect(preparesStatements(embedded.url)).toBe(false);
      // Named, the second client's first run would meet the first's statement in the shared
      // session: "prepared statement … already exists".
      expect(await echo(one, { id: "one" })).toEqual([{ echo: "one" }]);
      expect(await echo(two, { id: "two" })).toEqual([{ echo: "two" }]);
      const named = await one.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) AS count FROM pg_prepared_statements`;
      expect(named).toEqual([{ count: 0n }]);
    } finally {
      await one.$disconnect();
      await two.$disconnect();
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
