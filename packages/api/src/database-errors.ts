import { Prisma, type PrismaClient } from "@tradeoff/db";
import { TRPCError } from "@trpc/server";

/** What a caller is told while the database is down: nothing was saved, and retrying is safe. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "The database is not answering right now; your change was not saved. Try again in a moment.";

/** What a caller is told when the connection dropped as their change was being committed. */
export const OUTCOME_UNKNOWN_MESSAGE =
  "The database connection dropped just as your change was being saved, so it may not have been saved. Retrying is safe.";

/**
 * The connection to the database failed after the transaction's work was done, during its
 * commit: the change may or may not be stored. Told apart from "not saved" (it failed before).
 */
export class OutcomeUnknownError extends Error {
  override name = "OutcomeUnknownError";
  constructor(override readonly cause: unknown) {
    super(OUTCOME_UNKNOWN_MESSAGE);
  }
}

/**
 * `db.$transaction(body)`, telling how a lost connection left it: before `body` finished,
 * nothing was committed (the database's own error, answered "not saved"); after, the commit may
 * have landed (`OutcomeUnknownError`). Used by changes whose retry is safe (votes).
 */
export async function transactionWithOutcome<T>(
  db: PrismaClient,
  body: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  let committing = false;
  try {
    return await db.$transaction(async (tx) => {
      const result = await body(tx);
      committing = true;
      return result;
    });
  } catch (error) {
    if (committing && isDatabaseUnavailable(error)) throw new OutcomeUnknownError(error);
    throw error;
  }
}

/**
 * Errors that mean the statement never reached the database: no connection could be opened
 * (refused, no such host, the server starting up or full, no pooled connection in time).
 */
const NEVER_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "08001",
  "08004",
  "57P03",
  "53300",
  "P1001",
  "P2024",
]);
const NEVER_SENT_KINDS = new Set(["DatabaseNotReachable", "TooManyConnections"]);
const NEVER_SENT_MESSAGE =
  /timeout exceeded when trying to connect|can't reach database server|connect ECONNREFUSED|the database system is (starting up|in recovery mode)/i;

/**
 * One statement that changes data, in a transaction of its own, telling how a lost connection
 * left it: when no connection could be opened, nothing was sent and nothing saved (the
 * database's own error, answered "not saved"); when the connection dropped while the statement
 * was on its way or running, it may have committed (`OutcomeUnknownError`). Used by changes
 * whose retry is safe (votes).
 */
export async function statementWithOutcome<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isDatabaseUnavailable(error) && !neverSent(error)) throw new OutcomeUnknownError(error);
    throw error;
  }
}

function neverSent(error: unknown): boolean {
  return anyInChain(
    error,
    (value) =>
      hasCode(value, NEVER_SENT_CODES) ||
      (typeof value.kind === "string" && NEVER_SENT_KINDS.has(value.kind)) ||
      (typeof value.message === "string" && NEVER_SENT_MESSAGE.test(value.message)),
  );
}

/**
 * What a caller is told when something failed on the server's side for a reason of its own: no
 * detail (that stays in the log), only the request id that finds it there.
 */
export function internalErrorMessage(requestId: string | null): string {
  return requestId
    ? `Something went wrong on our side (request id ${requestId}). Try again in a moment; if it keeps failing, give the request id to whoever runs this server.`
    : "Something went wrong on our side. Try again in a moment.";
}

/** Socket errors and PostgreSQL SQLSTATEs that mean "no usable connection", not "bad request". */
const UNAVAILABLE_CODES = new Set([
  // Node sockets
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  // PostgreSQL: connection exceptions (class 08), shutdown and startup (57P0x), too many clients
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  // Prisma: can't reach, timed out, closed the connection, no pooled connection in time
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);

/** Error kinds of Prisma's driver adapters that mean the connection is gone. */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/** node-postgres and Prisma say some of it only in words. */
const UNAVAILABLE_MESSAGE =
  /connection terminated|terminating connection due to administrator command|the database system is (shutting down|starting up|in recovery mode)|timeout exceeded when trying to connect|can't reach database server|server has closed the connection|not queryable|connect ECONNREFUSED|unable to start a transaction in the given time|connection (is )?closed/i;

type ErrorLike = {
  code?: unknown;
  errorCode?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: unknown } | null;
};

/**
 * True when `test` holds for `error` or anything it wraps (causes, Prisma's driver adapter
 * error, aggregated errors): tRPC, Prisma and node-postgres each wrap the database's answer.
 */
function anyInChain(error: unknown, test: (value: ErrorLike) => boolean): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 32) {
    const current = queue.shift();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const value = current as ErrorLike;
    if (test(value)) return true;
    queue.push(value.cause, value.meta?.driverAdapterError);
    if (Array.isArray(value.errors)) queue.push(...value.errors);
  }
  return false;
}

const hasCode = (value: ErrorLike, codes: Set<string>) =>
  [value.code, value.errorCode, value.originalCode].some(
    (code) => typeof code === "string" && codes.has(code),
  );

/**
 * True when `error` (or anything in its cause chain) says the database could not be reached or
 * dropped the connection: the request failed for want of a database, not because of its input.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return anyInChain(
    error,
    (value) =>
      hasCode(value, UNAVAILABLE_CODES) ||
      (typeof value.kind === "string" && UNAVAILABLE_KINDS.has(value.kind)) ||
      value.name === "PrismaClientInitializationError" ||
      (typeof value.message === "string" && UNAVAILABLE_MESSAGE.test(value.message)),
  );
}

/** The tRPC error answered (as HTTP 503) when the database is down; the original stays its cause. */
export function databaseUnavailableError(cause: unknown): TRPCError {
  return new TRPCError({
    code: "SERVICE_UNAVAILABLE",
    message: DATABASE_UNAVAILABLE_MESSAGE,
    cause,
  });
}

/** SQLSTATEs for text PostgreSQL cannot store: a NUL byte, or a character the encoding lacks. */
const UNSTORABLE_TEXT_CODES = new Set(["22021", "22P05"]);
const UNSTORABLE_TEXT_MESSAGE = /invalid byte sequence for encoding|untranslatable character/i;

/**
 * True when the database refused a value because its text cannot be stored (such as a NUL
 * character): the input's fault, to be answered 400, not 500.
 */
export function isUnstorableText(error: unknown): boolean {
  return anyInChain(
    error,
    (value) =>
      hasCode(value, UNSTORABLE_TEXT_CODES) ||
      (typeof value.message === "string" && UNSTORABLE_TEXT_MESSAGE.test(value.message)),
  );
}

export const UNSTORABLE_TEXT_ERROR_MESSAGE =
  "Some text contains characters that cannot be stored (such as a NUL character). Remove them and try again.";

/**
 * True when a unique index refused the write (Prisma's P2002): another request stored the same
 * value first, such as the same request sent twice at once.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Creates what a client's idempotency key names at most once: what the key already made
 * (`made`) is answered, else `insert` runs. The same key sent twice at once: the unique index
 * keeps one, and both get that one. A unique violation with nothing made is thrown on.
 */
export async function createOnce<T>(
  made: () => Promise<T | null> | null,
  insert: () => Promise<T>,
): Promise<T> {
  const earlier = await made();
  if (earlier) return earlier;
  try {
    return await insert();
  } catch (error) {
    const again = isUniqueViolation(error) ? await made() : null;
    if (again) return again;
    throw error;
  }
}
