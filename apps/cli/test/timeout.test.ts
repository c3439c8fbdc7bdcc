import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import { stubServer } from "./stub-server";

describe("a server that takes the request and never answers", () => {
  it("is given up on after TRADEOFF_TIMEOUT seconds, with exit code 6 and what to do", async () => {
    const stub = await stubServer(() => ({ noAnswer: true }));
    try {
      const env = { ...stub.env(await mkdtemp(join(tmpdir(), "tradeoff-timeout-"))) };
      const started = Date.now();
      const result = await runCli(["projects"], {
        env: { ...env, TRADEOFF_TIMEOUT: "1" },
        timeout: 15_000,
      });
      expect(result.stderr).toBe(
        `tradeoff: The Tradeoff server at ${stub.url} did not answer within 1 s. It may be busy or stuck: try again later, or wait longer with TRADEOFF_TIMEOUT=<seconds>. A change you asked for may still be made: check before repeating it.\n`,
      );
      expect(result.code).toBe(6);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(stub.calls.map((c) => c.procedure)).toEqual(["team.list"]);
    } finally {
      await stub.close();
    }
  }, 30_000);

  it("refuses a TRADEOFF_TIMEOUT that is not a number of seconds: usage (2), nothing sent", async () => {
    for (const value of ["abc", "0", "-5", "10s", "100000"]) {
      const result = await runCli(["projects", "--json"], {
        env: {
          TRADEOFF_CONFIG_DIR: "/nonexistent",
          TRADEOFF_URL: "http://127.0.0.1:9",
          TRADEOFF_TOKEN: "tro_x",
          TRADEOFF_TIMEOUT: value,
        },
      });
      expect(result.code).toBe(2);
      expect(JSON.parse(result.stderr)).toEqual({
        error: {
          message: `TRADEOFF_TIMEOUT is "${value}": give the seconds to wait for the server's answer, a number above 0 and at most 3600 (default 30).`,
          exitCode: 2,
        },
      });
    }
  });
});
