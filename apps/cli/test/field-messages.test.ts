import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import { billingStub, stubServer } from "./stub-server";

/** The server's answer to a field it refuses, naming the field as the API does. */
const refuse = (fieldErrors: Record<string, string[]>, code = "BAD_REQUEST") => ({
  error: {
    message: "Some fields need attention.",
    code,
    httpStatus: code === "BAD_REQUEST" ? 400 : 409,
    fieldErrors,
  },
});

describe("a field the server refuses", () => {
  it("is named as the command line names it, so the message says which option to change", async () => {
    const stub = await stubServer(({ procedure }) =>
      procedure === "record.decide"
        ? refuse({
            reviewDate: ["Pick a valid review date (YYYY-MM-DD)."],
            confirmProvisional: ["Confirm that you record a decision on a provisional result."],
          })
        : procedure === "vote.cast"
          ? refuse({ scores: ["Unknown option: rails."] })
          : refuse({ expiresAt: ["Pick an expiry date in the future."] }),
    );
    try {
      const env = stub.env(await mkdtemp(join(tmpdir(), "tradeoff-fields-")));
      // Projects named by their id: the one call is the refused one.
      const decide = await runCli(
        ["decide", "cmproject", "--option", "drf", "--rationale", "x", "--review-by", "someday"],
        { env },
      );
      expect(decide.code).toBe(1);
      expect(decide.stderr).toBe(
        "tradeoff: Some fields need attention.\n" +
          "  --review-by: Pick a valid review date (YYYY-MM-DD).\n" +
          "  --provisional: Confirm that you record a decision on a provisional result.\n",
      );
      const vote = await runCli(["vote", "cmproject", "-c", "performance", "-s", "rails=2"], {
        env,
      });
      expect(vote.stderr).toContain("\n  --score: Unknown option: rails.\n");
      const share = await runCli(["share", "cmproject", "--expires", "2020-01-01", "--json"], {
        env,
      });
      expect(JSON.parse(share.stderr).error.message).toBe(
        "Some fields need attention.\n  --expires: Pick an expiry date in the future.",
      );
    } finally {
      await stub.close();
    }
  });
});

describe("what the server cannot take or cannot serve now", () => {
  it("is bad input (1) for a body too large, unreachable (4) while its database is down", async () => {
    const stub = await billingStub(({ procedure }) =>
      procedure === "export.import"
        ? {
            error: {
              message:
                "The request body is larger than 64 MB, the most the API reads from one request.",
              code: "PAYLOAD_TOO_LARGE",
              httpStatus: 413,
            },
          }
        : {
            error: {
              message: "The database is not reachable right now. Try again in a moment.",
              code: "SERVICE_UNAVAILABLE",
              httpStatus: 503,
            },
          },
    );
    try {
      const home = await mkdtemp(join(tmpdir(), "tradeoff-codes-"));
      const env = stub.env(home);
      const file = join(home, "decision.json");
      await writeFile(file, '{"format":"tradeoff.decision-record","version":1}');
      const large = await runCli(["import", file, "--team", "billing"], { env });
      expect(large.code).toBe(1);
      expect(large.stderr).toContain("larger than 64 MB");
      const down = await runCli(["share", "cmproject", "--list", "--json"], { env });
      expect(down.code).toBe(4);
      expect(JSON.parse(down.stderr).error.exitCode).toBe(4);
    } finally {
      await stub.close();
    }
  });
});
