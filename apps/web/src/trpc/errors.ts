import type { AppRouter } from "@tradeoff/api";
import type { TRPCClientError } from "@trpc/client";
import { ClientUnavailableError } from "./lazy-client";

export type FieldErrors = Record<string, string[] | undefined>;

/**
 * An error the tRPC client raised. Recognised by its name rather than `instanceof`: pages do not
 * load @trpc/client's code with the page (see lazy-client.ts).
 */
export function isTRPCClientError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof Error && error.name === "TRPCClientError";
}

/** The field-level messages a procedure returned, for showing next to each input. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (isTRPCClientError(error)) {
    const data = error.data as { fieldErrors?: FieldErrors | null } | undefined;
    return data?.fieldErrors ?? {};
  }
  return {};
}

const unreachable = "Could not reach Tradeoff. Check your connection and try again.";

/** A sentence for the user; network failures say so instead of showing internals. */
export function messageOf(error: unknown): string {
  if (error instanceof ClientUnavailableError) return unreachable;
  if (isTRPCClientError(error)) {
    if (!error.data) return unreachable;
    if (error.data.code === "INTERNAL_SERVER_ERROR")
      return "Something went wrong on our side. Try again.";
    return error.message;
  }
  return "Something went wrong. Try again.";
}
