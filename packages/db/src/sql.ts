import { Prisma } from "./generated/prisma/client";

/**
 * Hand-written SQL, typed: the one way the app sends a statement Prisma's query API does not
 * write. Statements go through Prisma's `$queryRaw` (parameters are bound, never spliced into
 * the text) on the client or on one of its interactive transactions, so they share its pool,
 * its transactions and its error handling.
 *
 * Each statement is declared once with `statement<Params, Row>()`: what it takes and what each
 * of its rows holds. Prisma reads the columns as their PostgreSQL types say (int4 and float8 as
 * numbers, int8 as bigint, timestamps as Dates, json as values), so cast in SQL to the type the
 * row declares.
 */
export type SqlRunner = Pick<Prisma.TransactionClient, "$queryRaw">;

export type Statement<Params, Row> = (db: SqlRunner, params: Params) => Promise<Row[]>;

export function statement<Params, Row>(
  text: (params: Params) => Prisma.Sql,
): Statement<Params, Row> {
  return (db, params) => db.$queryRaw<Row[]>(text(params));
}

/** The template tag that builds a statement's text with bound parameters. */
export const sql = Prisma.sql;
