import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import { stubServer, withBillingStub } from "./stub-server";

const INDEX =
  "<!-- Written by `tradeoff export --all`: this index and the records it lists are rewritten on every export. -->";
const record = "---\nstatus: accepted\n---\n\n# Use FastAPI — for async views\n";

/** A server answer: the team's records exported as the folder of `files` (`export.folder`). */
const serving = (files: { name: string; content: string }[]) => () => ({ data: { files } });

/**
 * `tradeoff export --all --format FORMAT --out OUT`, with and without --check: refused with
 * exit 1, saying `stderr`.
 */
async function expectRefused(
  env: Record<string, string>,
  format: string,
  out: string,
  stderr: string,
) {
  for (const extra of [[], ["--check"]]) {
    const run = await runCli(["export", "--all", "--format", format, "--out", out, ...extra], {
      env,
    });
    expect(run.code, extra.join(" ")).toBe(1);
    expect(run.stderr, extra.join(" ")).toBe(stderr);
  }
}

describe("tradeoff export PROJECT --json", () => {
  it("says which file was written as JSON, and is refused without --out (nothing to describe)", async () => {
    const stub = await stubServer(() => ({
      data: { fileName: "0001-use-fastapi.md", encoding: "utf8", content: record },
    }));
    try {
      const home = await mkdtemp(join(tmpdir(), "tradeoff-export-"));
      const env = stub.env(home);
      const out = join(home, "docs", "decisions");
      // A project named by its id: the only call is export.file.
      const written = await runCli(["export", "cmproject", "--out", out, "--json"], { env });
      expect(written.stderr).toBe("");
      expect(JSON.parse(written.stdout)).toEqual({
        file: join(out, "0001-use-fastapi.md"),
        format: "madr",
        bytes: Buffer.byteLength(record),
      });
      expect(await readFile(join(out, "0001-use-fastapi.md"), "utf8")).toBe(record);

      stub.calls.length = 0;
      const printed = await runCli(["export", "cmproject", "--json"], { env });
      expect(printed.code).toBe(2);
      expect(printed.stdout).toBe("");
      expect(JSON.parse(printed.stderr).error.message).toMatch(
        /^--json says which file was written: give --out DIR\./,
      );
      expect(stub.calls).toEqual([]);
    } finally {
      await stub.close();
    }
  });
});

describe("tradeoff export --all into a folder that has files of its own", () => {
  const index = (...records: string[]) =>
    `<!-- Written by \`tradeoff export --all\`: this index and the records it lists are rewritten on every export. -->\n\n# Decision records\n\n| Record | Status | Date |\n| --- | --- | --- |\n${records.map((r) => `| [${r}](${r}) | accepted | 2026-12-05 |`).join("\n")}\n`;
  const files = [
    { name: "0001-use-fastapi.md", content: record },
    { name: "README.md", content: index("0001-use-fastapi.md") },
  ];

  it("never replaces a file no export wrote (a hand-written README.md): exit 1, nothing written", async () => {
    await withBillingStub(serving(files), async (env, home) => {
      const out = join(home, "docs", "decisions");
      await mkdir(out, { recursive: true });
      await writeFile(join(out, "README.md"), "# Our decisions, by hand\n");
      await expectRefused(
        env,
        "madr",
        out,
        `tradeoff: ${out} already has a file the export would replace, which no export of Tradeoff wrote (the folder's index does not list it):\n  README.md\nMove it away, or export into another folder; nothing was written.\n`,
      );
      expect(await readdir(out)).toEqual(["README.md"]);
      expect(await readFile(join(out, "README.md"), "utf8")).toBe("# Our decisions, by hand\n");

      // A record of the same name that the folder's own index does not list is kept too; one
      // it lists (an earlier export, edited since) is the export's to rewrite.
      await writeFile(join(out, "README.md"), index("0002-older.md"));
      await writeFile(join(out, "0001-use-fastapi.md"), "# 1. Use FastAPI (from adr-tools)\n");
      const clash = await runCli(["export", "--all", "--format", "madr", "--out", out], { env });
      expect(clash.code).toBe(1);
      expect(clash.stderr).toContain("\n  0001-use-fastapi.md\n");
      await writeFile(join(out, "README.md"), index("0001-use-fastapi.md"));
      const owned = await runCli(["export", "--all", "--format", "madr", "--out", out], { env });
      expect(owned.stderr).toBe("");
      expect(await readFile(join(out, "0001-use-fastapi.md"), "utf8")).toBe(record);
    });
  });
});

describe("tradeoff export --all --out LINK", () => {
  it("writes into the folder a link names (docs/decisions -> ../adr), as a single export does", async () => {
    await withBillingStub(
      serving([{ name: "0001-use-fastapi.md", content: record }]),
      async (env, home) => {
        await mkdir(join(home, "adr"));
        await mkdir(join(home, "docs"));
        await symlink(join(home, "adr"), join(home, "docs", "decisions"));
        const run = await runCli(
          ["export", "--all", "--format", "madr", "--out", join(home, "docs", "decisions")],
          { env },
        );
        expect(run.stderr).toBe("");
        expect(run.code).toBe(0);
        expect(await readFile(join(home, "adr", "0001-use-fastapi.md"), "utf8")).toBe(record);
      },
    );
  });
});

describe("tradeoff export --all into a folder whose records number themselves", () => {
  it("refuses when a record's number is already taken by another file (hand-written ADRs): exit 1, nothing written", async () => {
    const files = [
      { name: "0001-use-fastapi.md", content: record },
      { name: "0002-use-kafka.md", content: "# 2. Use Kafka\n" },
      { name: "README.md", content: "index\n" },
    ];
    await withBillingStub(serving(files), async (env, home) => {
      const out = join(home, "doc", "adr");
      await mkdir(out, { recursive: true });
      // What `adr init doc/adr; adr new "Use Redis for caching"` leaves.
      await writeFile(join(out, "0001-record-architecture-decisions.md"), "# 1. Record\n");
      await writeFile(join(out, "0002-use-redis-for-caching.md"), "# 2. Use Redis\n");
      await expectRefused(
        env,
        "nygard",
        out,
        `tradeoff: ${out} already has records numbered as the export's, which no export of Tradeoff wrote:\n  0001-record-architecture-decisions.md holds number 1 (the export would write 0001-use-fastapi.md)\n  0002-use-redis-for-caching.md holds number 2 (the export would write 0002-use-kafka.md)\nImport the folder into the team first (tradeoff import ${out} --team billing), so its records keep their numbers and files, or export into another folder; nothing was written.\n`,
      );
      expect((await readdir(out)).sort()).toEqual([
        "0001-record-architecture-decisions.md",
        "0002-use-redis-for-caching.md",
      ]);
    });
  });
});

describe("tradeoff export --all in a checkout with CRLF line ends (git core.autocrlf=true)", () => {
  it("a file that differs only in line ends is up to date: --check passes, nothing is rewritten", async () => {
    const files = [
      { name: "0001-use-fastapi.md", content: record },
      {
        name: "README.md",
        content: `${INDEX}\n\n| [1. Use FastAPI](0001-use-fastapi.md) | accepted | 2026-12-05 |\n`,
      },
    ];
    await withBillingStub(serving(files), async (env, home) => {
      const out = join(home, "docs", "decisions");
      const first = await runCli(["export", "--all", "--format", "madr", "--out", out], { env });
      expect(first.stderr).toBe("");
      // What git writes on checkout with core.autocrlf=true.
      for (const file of files)
        await writeFile(join(out, file.name), file.content.replaceAll("\n", "\r\n"));
      const check = await runCli(["export", "--all", "--format", "madr", "--out", out, "--check"], {
        env,
      });
      expect(check.stderr).toBe("");
      expect(check.stdout).toBe(`${out} is up to date: 1 record.\n`);
      expect(check.code).toBe(0);
      const again = await runCli(["export", "--all", "--format", "madr", "--out", out], { env });
      expect(again.stdout).toBe(`${out}: 1 record, 0 files written, 0 removed, 2 unchanged.\n`);
      expect(await readFile(join(out, "0001-use-fastapi.md"), "utf8")).toBe(
        record.replaceAll("\n", "\r\n"),
      );
    });
  });
});

describe("tradeoff export --all used wrongly", () => {
  it("is a usage error (exit 2) saying what to give, before anything is asked of the server", async () => {
    const home = await mkdtemp(join(tmpdir(), "tradeoff-export-"));
    // No server is configured: the check happens before any call.
    const env = { TRADEOFF_CONFIG_DIR: home };
    const noOut = await runCli(["export", "--all", "--team", "alpha"], { env });
    expect(noOut.stderr).toBe(
      "tradeoff: --all writes a folder: give it with --out (for example --out docs/decisions).\n",
    );
    expect(noOut.code).toBe(2);
    const json = await runCli(["export", "--all", "--format", "json", "--out", home], { env });
    expect(json.stderr).toBe(
      "tradeoff: --format json: --all writes a folder of Markdown records; use --format madr, log4brains or nygard.\n",
    );
    expect(json.code).toBe(2);
  });
});
