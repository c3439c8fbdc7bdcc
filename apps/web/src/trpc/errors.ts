import { TRPCClientError } from "@trpc/client";

export type FieldErrors = Record<string, string[] | undefined>;

/** The field-level messages a procedure returned, for showing next to each input. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: FieldErrors | null } | undefined;
    return data?.fieldErrors ?? {};
  }
  return {};
}

/** A sentence for the user; network failures say so instead of showing internals. */
export function messageOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    if (!error.data) return "Could not reach Tradeoff. Check your connection and try again.";
    if (error.data.code === "INTERNAL_SERVER_ERROR")
      return "Something went wrong on our side. Try again.";
    return error.message;
  }
  return "Something went wrong. Try again.";
}
