import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import { stubServer } from "./stub-server";

const record = "---\nstatus: accepted\n---\n\n# Use FastAPI — for async views\n";

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
