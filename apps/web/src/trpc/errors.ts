import type { AppRouter } from "@tradeoff/api";
import { TRPCClientError } from "@trpc/client";

export type FieldErrors = Record<string, string[] | undefined>;

/** An error the tRPC client raised: a refusal from the API, or a request that never got there. */
export function isTRPCClientError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError;
}

/** The field-level messages a procedure returned, for showing next to each input. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (isTRPCClientError(error)) {
    const data = error.data as { fieldErrors?: FieldErrors | null } | undefined;
    return data?.fieldErrors ?? {};
  }
  return {};
}

/**
 * A form's errors from its request: the messages for each input, and `general`, the sentence
 * shown above the form when the refusal names no input (or the request never got there).
 */
export function formErrorsOf(error: unknown): { fields: FieldErrors; general: string | null } {
  const fields = fieldErrorsOf(error);
  const general = error && Object.keys(fields).length === 0 ? messageOf(error) : null;
  return { fields, general };
}

/**
 * Whether `error` is a failure rather than a refusal: the server failed (5xx) or the request got
 * no answer from the API. A refusal (4xx) is an answer the page shows as a message.
 */
export function isFailure(error: unknown): boolean {
  if (!isTRPCClientError(error)) return true;
  const status = error.data?.httpStatus;
  return typeof status !== "number" || status >= 500;
}

/**
 * An `onInput` for a form sent by `mutation`: an edit drops its last refusal, which no longer
 * describes what the form holds (the field messages and the general one go with it).
 */
export function dropRefusalOnEdit(mutation: { error: unknown; reset: () => void }) {
  return () => {
    if (mutation.error) mutation.reset();
  };
}

const unreachable = "Could not reach Tradeoff. Check your connection and try again.";

/** A sentence for the user; network failures say so instead of showing internals. */
export function messageOf(error: unknown): string {
  if (isTRPCClientError(error)) {
    if (!error.data) return unreachable;
    // The API never sends an internal failure's detail: its message is generic, with the
    // request id that finds the detail in the server's log.
    return error.message;
  }
  return "Something went wrong. Try again.";
}
