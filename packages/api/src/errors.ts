import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

/**
 * An expected failure of a service (a rule of the product, not a bug). The API turns it into
 * a tRPC error with the same code and message; `fieldErrors` lets forms show it on a field.
 */
export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: TRPC_ERROR_CODE_KEY,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
