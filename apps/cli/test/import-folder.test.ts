import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import { stubServer } from "./stub-server";

describe("tradeoff import FOLDER", () => {
  it("fails (exit 1) when not one file is a record: nothing was created, each file says why", async () => {
    const stub = await stubServer(({ procedure, input }) =>
      procedure === "team.list"
        ? { data: [{ id: "cmteam", slug: "billing", name: "Billing" }] }
        : {
            data: {
              records: [],
              skipped: [{ fileName: "notes.md", reason: "not a decision record: no status found" }],
              dryRun: (input as { dryRun: boolean }).dryRun,
            },
          },
    );
    try {
      const home = await mkdtemp(join(tmpdir(), "tradeoff-import-"));
      const folder = join(home, "docs", "decisions");
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, "notes.md"), "# Meeting notes\n");
      const env = stub.env(home);
      const run = await runCli(["import", folder], { env });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        `tradeoff: ${folder} has no decision records to import; nothing was created.\nNot imported (1 file):\n  notes.md: not a decision record: no status found\n`,
      );
      const json = await runCli(["import", folder, "--dry-run", "--json"], { env });
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ records: [], dryRun: true });
      expect(JSON.parse(json.stderr)).toEqual({
        error: { message: `${folder} has no decision records to import.`, exitCode: 1 },
      });
    } finally {
      await stub.close();
    }
  });
});
