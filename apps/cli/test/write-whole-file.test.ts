import { type FileHandle, mkdtemp, open, readdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeWholeFile } from "../src/write-whole-file";
import { runCli } from "./run-cli";

afterEach(() => {
  vi.restoreAllMocks();
});

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
    const server = createServer((_req, res) => {
      const data = {
        fileName: "0001-record.pdf",
        encoding: "base64",
        content: pdf.toString("base64"),
      };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ result: { data } }));
    });
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    const { port } = server.address() as AddressInfo;
    try {
      const dir = await mkdtemp(join(tmpdir(), "tradeoff-limited-"));
      const old = Buffer.from("%PDF-1.7 the record exported last week\n");
      await writeFile(join(dir, "0001-record.pdf"), old);
      const env = {
        TRADEOFF_CONFIG_DIR: dir,
        TRADEOFF_URL: `http://127.0.0.1:${port}`,
        TRADEOFF_TOKEN: "tro_x",
      };
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
      server.close();
    }
  });
});
