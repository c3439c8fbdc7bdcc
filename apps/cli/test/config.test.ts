import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import { stubServer } from "./stub-server";

describe("the saved login", () => {
  it("is never sent to another server named by TRADEOFF_URL (exit 3, nothing sent)", async () => {
    const saved = await stubServer(() => ({ data: [] }));
    const other = await stubServer(() => ({ data: [] }));
    try {
      const config = await mkdtemp(join(tmpdir(), "tradeoff-config-"));
      await writeFile(
        join(config, "config.json"),
        JSON.stringify({ url: saved.url, token: "tro_saved" }),
      );
      const elsewhere = await runCli(["projects"], {
        env: { TRADEOFF_CONFIG_DIR: config, TRADEOFF_URL: other.url },
      });
      expect(elsewhere.code).toBe(3);
      expect(elsewhere.stderr).toBe(
        `tradeoff: TRADEOFF_URL names ${other.url}, but the saved login is for ${saved.url}: its token is not sent elsewhere. Set TRADEOFF_TOKEN too, or run \`tradeoff login --url ${other.url}\`.\n`,
      );
      expect(other.calls).toEqual([]);

      // The same server (a trailing slash aside), or a token given with it, is used as asked.
      const same = await runCli(["projects"], {
        env: { TRADEOFF_CONFIG_DIR: config, TRADEOFF_URL: `${saved.url}/` },
      });
      expect(same.stderr).toBe("");
      expect(saved.calls.map((c) => c.procedure)).toEqual(["team.list"]);
      const given = await runCli(["projects"], {
        env: { TRADEOFF_CONFIG_DIR: config, TRADEOFF_URL: other.url, TRADEOFF_TOKEN: "tro_ci" },
      });
      expect(given.stderr).toBe("");
      expect(other.calls.map((c) => c.procedure)).toEqual(["team.list"]);
    } finally {
      await saved.close();
      await other.close();
    }
  });
});

describe("a saved login that cannot be read", () => {
  it("is said with where it is and why, not as never signed in (exit 3)", async () => {
    const config = await mkdtemp(join(tmpdir(), "tradeoff-config-"));
    await writeFile(join(config, "config.json"), '{"url": "https://tradeoff.example.com", "tok');
    const result = await runCli(["projects"], { env: { TRADEOFF_CONFIG_DIR: config } });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      `tradeoff: The saved login in ${join(config, "config.json")} cannot be read (it is not valid JSON). Run \`tradeoff login --url https://your-server\` to save it again.\n`,
    );
  });
});
