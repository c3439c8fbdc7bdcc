import { describe, expect, it } from "vitest";
import { createPrismaClient } from "../src/client";
import { emptyDatabase, query } from "./support";

/**
 * A connection the database server drops (a restart, a failover, an administrator) while the
 * app holds it between two statements of a transaction fails that transaction, and nothing
 * else: the process keeps running and the next query opens a new connection.
 */
describe("a connection dropped by the server in the middle of a transaction", () => {
  // Ending another session's backend needs a PostgreSQL server (the embedded one has one session).
  it.runIf(process.env.TEST_DATABASE_URL)(
    "fails that transaction, raises nothing unhandled, and the next query works",
    { timeout: 30_000 },
    async () => {
      const database = await emptyDatabase();
      const db = createPrismaClient(database.url, { poolSize: 2 });
      const unhandled: unknown[] = [];
      const onUncaught = (error: unknown) => unhandled.push(error);
      // Vitest reports an uncaught exception as a failure of the run, not of this test: listened
      // for here so the test itself says it.
      process.on("uncaughtException", onUncaught);
      try {
        let dropped!: () => void;
        const wasDropped = new Promise<void>((resolve) => {
          dropped = resolve;
        });
        const transaction = db.$transaction(async (tx) => {
          const [backend] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          // Ended from another connection while this one waits between statements.
          await query(database.url, "SELECT pg_terminate_backend($1)", [backend?.pid]);
          // The server's notice of the end reaches the connection while no query runs on it.
          await new Promise((resolve) => setTimeout(resolve, 500));
          dropped();
          await tx.$queryRaw`SELECT 1`;
        });
        await expect(transaction).rejects.toThrow();
        await wasDropped;
        expect(unhandled).toEqual([]);
        expect(await db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`).toEqual([{ ok: 1 }]);
      } finally {
        process.off("uncaughtException", onUncaught);
        await db.$disconnect();
        await database.drop();
      }
    },
  );
});
