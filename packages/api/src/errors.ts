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
  | "PRECONDITION_FAILED";

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

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
