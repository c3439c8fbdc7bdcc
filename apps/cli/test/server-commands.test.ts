import { mkdtemp, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { configDir } from "../src/server/config";
import { runCli } from "./run-cli";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tradeoff-config-"));
});

/** The commands that talk to a server fail clearly before and without one (a running server: e2e/specs/cli.spec.ts). */
describe("server commands without a server", () => {
  it("ask to log in first, with exit code 3", async () => {
    const result = await runCli(["projects"], { env: { TRADEOFF_CONFIG_DIR: dir } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("Run `tradeoff login --url");
  });

  it("say the server cannot be reached, with exit code 4, and save nothing", async () => {
    const result = await runCli(["login", "--url", "http://127.0.0.1:9", "--token", "tro_x"], {
      env: { TRADEOFF_CONFIG_DIR: dir },
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain("Cannot reach the Tradeoff server at http://127.0.0.1:9");
    await expect(stat(join(dir, "config.json"))).rejects.toThrow();
  });

  it("say that export --out names a file, not a folder, with exit code 1 and no system error", async () => {
    const existing = join(dir, "notes.md");
    await writeFile(existing, "kept as it was\n");
    const result = await runCli(["export", "billing/1", "--format", "madr", "--out", existing], {
      env: { TRADEOFF_CONFIG_DIR: dir },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `tradeoff: --out ${existing}: this is a file, not a folder. Give the folder to write the record into (it is created if missing), or leave --out out to print the record.\n`,
    );
    expect(result.stderr).not.toMatch(/EEXIST|ENOTDIR|errno/);
  });

  it("say what export --all needs before asking the server: a Markdown format and an --out folder", async () => {
    const env = { TRADEOFF_CONFIG_DIR: dir };
    const pdf = await runCli(["export", "--all", "--format", "pdf", "--out", dir], { env });
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toContain("use --format madr, log4brains or nygard");
    const noOut = await runCli(["export", "--all", "--format", "nygard"], { env });
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toContain("give it with --out (for example --out docs/decisions)");
    const onFile = join(dir, "index.md");
    await writeFile(onFile, "kept\n");
    const file = await runCli(["export", "--all", "--format", "madr", "--out", onFile], { env });
    expect(file.code).toBe(1);
    expect(file.stderr).toContain("this is a file, not a folder");
    // Usage: no project and no --all; --check without --all.
    expect((await runCli(["export", "--format", "madr"], { env })).code).toBe(2);
    expect((await runCli(["export", "billing/1", "--check"], { env })).code).toBe(2);
  }, 120_000);

  it("refuse a malformed score or address as usage errors (exit 2)", async () => {
    const env = { TRADEOFF_CONFIG_DIR: dir };
    expect(
      (await runCli(["vote", "billing/1", "--criterion", "x", "--score", "drf=9"], { env })).code,
    ).toBe(2);
    const login = await runCli(["login", "--url", "not a url", "--token", "tro_x"], { env });
    expect(login.code).toBe(2);
    expect(login.stderr).toContain("is not a web address");
  });

  it("keep the login in TRADEOFF_CONFIG_DIR, else XDG_CONFIG_HOME/tradeoff, else ~/.config/tradeoff", () => {
    expect(configDir({ TRADEOFF_CONFIG_DIR: "/a", XDG_CONFIG_HOME: "/b" })).toBe("/a");
    expect(configDir({ XDG_CONFIG_HOME: "/b" })).toBe("/b/tradeoff");
    expect(configDir({ HOME: "/home/x" })).toMatch(/\.config\/tradeoff$/);
  });
});
