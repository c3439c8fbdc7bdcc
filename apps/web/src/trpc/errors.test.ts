import type { AppRouter } from "@tradeoff/api";
import { TRPCClientError } from "@trpc/client";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { formErrorsOf, isFailure } from "./errors";

/** A refusal as the tRPC client raises it, with the data the API sends along. */
function refusal(message: string, fieldErrors: Record<string, string[]> | null) {
  return new TRPCClientError<AppRouter>(message, {
    result: {
      error: {
        message,
        code: -32600,
        data: {
          code: "BAD_REQUEST",
          httpStatus: 400,
          path: "team.create",
          requestId: "req-1",
          reason: null,
          fieldErrors,
        },
      },
    },
  });
}

describe("formErrorsOf", () => {
  it("puts each message next to the input it names and says nothing above the form", () => {
    const error = refusal("Invalid input", { name: ["Give the team a name."] });
    expect(formErrorsOf(error)).toEqual({
      fields: { name: ["Give the team a name."] },
      general: null,
    });
  });

  it("shows a refusal that names no input above the form", () => {
    const error = refusal("That link has expired. Ask for a new one.", null);
    expect(formErrorsOf(error)).toEqual({
      fields: {},
      general: "That link has expired. Ask for a new one.",
    });
  });

  it("says the server could not be reached when the request never got there", () => {
    const error = new TRPCClientError<AppRouter>("fetch failed");
    expect(formErrorsOf(error).general).toBe(
      "Could not reach Tradeoff. Check your connection and try again.",
    );
  });

  it("shows nothing before the form is sent", () => {
    expect(formErrorsOf(null)).toEqual({ fields: {}, general: null });
  });
});

/** An error answer from the API with the given code and HTTP status. */
function answer(code: TRPC_ERROR_CODE_KEY, httpStatus: number) {
  return new TRPCClientError<AppRouter>(code, {
    result: {
      error: {
        message: code,
        code: -32600,
        data: {
          code,
          httpStatus,
          path: "webhook.create",
          requestId: "req-1",
          reason: null,
          fieldErrors: null,
        },
      },
    },
  });
}

describe("isFailure (what the production console logs)", () => {
  it("leaves out refusals the page shows as messages", () => {
    for (const [code, status] of [
      ["BAD_REQUEST", 400],
      ["UNAUTHORIZED", 401],
      ["FORBIDDEN", 403],
      ["NOT_FOUND", 404],
      ["CONFLICT", 409],
      ["TOO_MANY_REQUESTS", 429],
    ] as const) {
      expect(isFailure(answer(code, status)), code).toBe(false);
    }
  });

  it("keeps the server's failures and requests that got no answer", () => {
    expect(isFailure(answer("INTERNAL_SERVER_ERROR", 500))).toBe(true);
    expect(isFailure(answer("SERVICE_UNAVAILABLE", 503))).toBe(true);
    expect(isFailure(new TRPCClientError<AppRouter>("fetch failed"))).toBe(true);
    expect(isFailure(new Error("a bug in a link"))).toBe(true);
  });
});
