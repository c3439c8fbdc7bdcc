import { spawn } from "node:child_process";
import { type FileHandle, mkdtemp, open, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeWholeFile } from "../src/write-whole-file";
import { cliRoot, runCli } from "./run-cli";
import { stubServer } from "./stub-server";

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * A module to preload into the CLI that makes its flushes to disk slow (30 s each) once `fast`
 * of them went down at the usual speed: a slow disk, where a Ctrl-C lands mid-write.
 */
const slowFlushesAfter = (fast: number) =>
  `data:text/javascript,${encodeURIComponent(
    'import { open } from "node:fs/promises";' +
      "const probe = await open(process.execPath);" +
      "const proto = Object.getPrototypeOf(probe); const sync = proto.sync; let calls = 0;" +
      `proto.sync = function () { calls += 1; return calls > ${fast} ? new Promise((done) => setTimeout(done, 30000)) : sync.call(this); };` +
      "await probe.close();",
  )}`;

/**
 * The real binary, run with `args` after `preload` (which makes the disk slow), and what it says
 * on stderr.
 */
function startBinary(preload: string, args: string[], env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ["--import", preload, join(cliRoot, "bin", "tradeoff.js"), ...args],
    { env: { ...process.env, ...env } },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<[number | null, string | null]>((done) =>
    child.on("exit", (code, killedBy) => done([code, killedBy])),
  );
  /** Resolves once a file of `dir` that `writing` picks is there: the write is under way. */
  const whenWriting = async (dir: string, writing: (name: string) => boolean) => {
    const started = Date.now();
    while (!(await readdir(dir)).some(writing)) {
      if (Date.now() - started > 15_000) throw new Error(`the write never started: ${stderr}`);
      await new Promise((wait) => setTimeout(wait, 20));
    }
  };
  return { child, exited, stderr: () => stderr, whenWriting };
}

describe("a file the CLI writes", () => {
  it("is flushed to disk whole before it replaces the one that was there", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tradeoff-write-"));
    const target = join(dir, "0001-record.md");
    await writeFile(target, "the old record\n");
    // What the folder holds at each flush: the old record still in place, the new one beside it.
    const seen: string[][] = [];
    const probe = await open(target, "r");
    const fileHandle = Object.getPrototypeOf(probe) as FileHandle;
    await probe.close();
    const sync = fileHandle.sync;
    vi.spyOn(fileHandle, "sync").mockImplementation(async function (this: FileHandle) {
      const names = (await readdir(dir)).sort();
      const contents = await Promise.all(names.map((n) => readFile(join(dir, n), "utf8")));
      seen.push(contents);
      return sync.call(this);
    });

    await writeWholeFile(target, "the new record\n");

    expect(await readFile(target, "utf8")).toBe("the new record\n");
    // The first flush: the whole new content, before the rename (the old record is still there).
    expect(seen[0]).toEqual(["the new record\n", "the old record\n"]);
    expect(await readdir(dir)).toEqual(["0001-record.md"]);
  });

  it("is written whole or not at all under a file size limit, with the CLI's message", async () => {
    // A server whose export is a 20 KB PDF, written by `tradeoff export` under a 4 KB limit.
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(20_000, 0x20)]);
    const server = await stubServer(() => ({
      data: { fileName: "0001-record.pdf", encoding: "base64", content: pdf.toString("base64") },
    }));
    try {
      const dir = await mkdtemp(join(tmpdir(), "tradeoff-limited-"));
      const old = Buffer.from("%PDF-1.7 the record exported last week\n");
      await writeFile(join(dir, "0001-record.pdf"), old);
      const env = server.env(dir);
      // A project named by its id: the only call is export.file.
      const args = ["export", "cmproject", "--format", "pdf", "--out", dir];
      const result = await runCli(args, { env, maxFileKb: 4 });
      expect(result.stderr).toBe(
        `tradeoff: Cannot write ${join(dir, "0001-record.pdf")}: the file is larger than this system allows; nothing was written.\n`,
      );
      expect(result.code).toBe(1);
      expect(await readdir(dir)).toEqual(["0001-record.pdf"]);
      expect((await readFile(join(dir, "0001-record.pdf"))).equals(old)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "leaves no hidden file behind when %s interrupts it, and exits %i with a word",
    async (signal, exitCode) => {
      const server = await stubServer(() => ({
        data: { fileName: "0001-record.md", content: "# 1. Use FastAPI\n" },
      }));
      try {
        const dir = await mkdtemp(join(tmpdir(), "tradeoff-interrupted-"));
        await writeFile(join(dir, "0001-record.md"), "the old record\n");
        // The real binary, whose flush to disk takes 30 s: a slow disk, the moment of a Ctrl-C.
        const run = startBinary(
          slowFlushesAfter(0),
          ["export", "cmproject", "--format", "madr", "--out", dir],
          server.env(dir),
        );
        // Interrupted once the new record is being written beside the old one.
        await run.whenWriting(dir, (name) => name.endsWith(".partial"));
        run.child.kill(signal);
        const [code, killedBy] = await run.exited;
        expect(await readdir(dir)).toEqual(["0001-record.md"]);
        expect([code, killedBy]).toEqual([exitCode, null]);
        expect(run.stderr()).toBe(
          `tradeoff: interrupted (${signal}): ${join(dir, "0001-record.md")} was not written.\n`,
        );
        expect(await readFile(join(dir, "0001-record.md"), "utf8")).toBe("the old record\n");
      } finally {
        await server.close();
      }
    },
  );
});

describe("a folder the CLI writes (export --all)", () => {
  it("interrupted part way, says how many of its files were written and to run it again", async () => {
    const records = ["0001-a.md", "0002-b.md", "0003-c.md"].map((name) => ({
      name,
      content: `# ${name}\n`,
    }));
    const server = await stubServer((call) =>
      call.procedure === "team.list"
        ? { data: [{ id: "cmteam", slug: "billing", name: "Billing" }] }
        : { data: { files: [...records, { name: "README.md", content: "index\n" }] } },
    );
    try {
      const dir = await mkdtemp(join(tmpdir(), "tradeoff-interrupted-"));
      // Two files go down (a flush of each file and of the folder), then the disk is slow.
      const run = startBinary(
        slowFlushesAfter(4),
        ["export", "--all", "--format", "madr", "--out", dir],
        server.env(dir),
      );
      await run.whenWriting(dir, (name) => name.startsWith(".0003-c.md."));
      run.child.kill("SIGINT");
      const [code] = await run.exited;
      expect(code).toBe(130);
      expect(run.stderr()).toBe(
        `tradeoff: interrupted (SIGINT): 2 of 4 files written; ${dir} is incomplete (its README.md index is not written yet). Run the same command again to finish it.\n`,
      );
      expect((await readdir(dir)).sort()).toEqual(["0001-a.md", "0002-b.md"]);
    } finally {
      await server.close();
    }
  });
});
