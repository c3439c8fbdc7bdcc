/**
 * The service layer's own error: an expected refusal (a rule of the product, not a bug).
 * Services throw it; the API maps its kind to a tRPC code in one place (`trpc.ts`), and
 * `fieldErrors` lets forms show it next to a field.
 */
export type DomainErrorKind =
  | "BAD_REQUEST"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS";

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** A refusal by an attempt limit: `retryAfter` seconds go into the answer's Retry-After header. */
export class AttemptLimitError extends DomainError {
  constructor(
    message: string,
    readonly retryAfter: number,
  ) {
    super("TOO_MANY_REQUESTS", message);
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
