import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { CliError } from "../src/errors";
import { call } from "../src/server/client";

const config = { url: "https://tradeoff.example.com", token: "tro_x" };

/** What fetch throws when no answer came: "fetch failed", the reason in its cause. */
const failed = (code: string, message: string) =>
  new TRPCClientError("fetch failed", {
    cause: Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new Error(message), { code }),
    }),
  });

describe("a server that gives no answer", () => {
  it("is unreachable (4), with why in words, when it takes the request but never answers", async () => {
    const error = await call(config, () =>
      Promise.reject(failed("UND_ERR_HEADERS_TIMEOUT", "Headers Timeout Error")),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(4);
    expect((error as CliError).message).toBe(
      "Cannot reach the Tradeoff server at https://tradeoff.example.com (it took the request but gave no answer in time). Check the address and that the server is running.",
    );
  });
});
