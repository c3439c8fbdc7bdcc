import type pg from "pg";
import { type Database, poolOf } from "./client";

/**
 * Plain SQL on the Prisma client's own connection pool, through node-postgres directly.
 *
 * For the few statements every request runs (access checks, the recommendation's stamp, a
 * vote's transaction), which are hand-written SQL anyway. Prisma's raw-query pipeline and
 * interactive transactions cost several times the statement itself there (measured with
 * `npm run bench`: a vote's CPU time fell by about a third without them). Everything else goes
 * through Prisma.
 */
export type Sql = {
  /** Runs one statement with `$1`, `$2`… parameters and returns its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
};

/** Statements on a pool (each on any free connection) or on one checked-out connection. */
function runner(on: pg.Pool | pg.PoolClient): Sql {
  return {
    query: async <Row>(text: string, params: readonly unknown[] = []) =>
      (await on.query(text, params as unknown[])).rows as Row[],
  };
}

export function sql(db: Database): Sql {
  return runner(poolOf(db));
}

const ignore = () => {};

/**
 * Runs `work` in one transaction on one pooled connection: COMMIT when it resolves, ROLLBACK
 * when it throws (the error is rethrown). A connection that fails while checked out is
 * discarded rather than returned to the pool.
 */
export async function sqlTransaction<T>(db: Database, work: (tx: Sql) => Promise<T>): Promise<T> {
  const client: pg.PoolClient = await poolOf(db).connect();
  // A connection lost while checked out emits "error"; the statement in flight rejects too.
  client.on("error", ignore);
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(runner(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.off("error", ignore);
    client.release(broken);
  }
}
