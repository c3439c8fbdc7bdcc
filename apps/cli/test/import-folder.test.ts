import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import { billingStub, folderImportAnswer, importedRecord } from "./stub-server";

/** A new home folder, and a folder for records at `path` under it holding `files` (name: text). */
async function homeWithFolder(path: string, files: Record<string, string> = {}) {
  const home = await mkdtemp(join(tmpdir(), "tradeoff-import-"));
  const folder = join(home, path);
  await mkdir(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  return { home, folder };
}

describe("tradeoff import FOLDER", () => {
  it("fails (exit 1) when not one file is a record: nothing was created, each file says why", async () => {
    const stub = await billingStub(
      folderImportAnswer(() => ({
        records: [],
        skipped: [{ fileName: "notes.md", reason: "not a decision record: no status found" }],
      })),
    );
    try {
      const { home, folder } = await homeWithFolder("docs/decisions", {
        "notes.md": "# Meeting notes\n",
      });
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

describe("tradeoff import FOLDER --dry-run on a terminal's screen", () => {
  // Titles, names and notes come from the user's own files: ESC ] 0 ; ... BEL retitles the
  // window and ESC [ 2 J clears the screen when printed as they are.
  const evil = "\u001b]0;owned\u0007\u001b[2J";
  const shown = "\ufffd]0;owned\ufffd\ufffd[2J";

  it("shows each record's title, file, links and notes without their control characters", async () => {
    const stub = await billingStub(() => ({
      data: {
        records: [
          importedRecord({
            fileName: "0001-queue.md",
            number: 1,
            title: `Queue${evil}`,
            date: "2026-01-02",
            supersedes: [`0000-old${evil}.md`],
            warnings: [`no date${evil}`],
          }),
        ],
        skipped: [{ fileName: `notes${evil}.md`, reason: "not a decision record" }],
        dryRun: true,
      },
    }));
    try {
      const { home, folder } = await homeWithFolder("decisions", { "0001-queue.md": "# Queue\n" });
      const run = await runCli(["import", folder, "--dry-run"], { env: stub.env(home) });
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        "Would create 1 record in billing (dry run: nothing was written):\n" +
          `  billing/1  Queue${shown}  (accepted, 2026-01-02)  from 0001-queue.md\n` +
          `      supersedes 0000-old${shown}.md\n` +
          `      note: no date${shown}\n` +
          `Not imported (1 file):\n  notes${shown}.md: not a decision record\n`,
      );
      const json = await runCli(["import", folder, "--dry-run", "--json"], { env: stub.env(home) });
      expect(JSON.parse(json.stdout).records[0].title).toBe(`Queue${evil}`);
    } finally {
      await stub.close();
    }
  });
});

describe("tradeoff import FOLDER larger than one request", () => {
  it("refuses before sending, says how large it is and what to do", async () => {
    const { home, folder } = await homeWithFolder("decisions");
    // 100 files under the 512 KB limit each: 48.8 MB on disk, 65.1 MB once base64-encoded.
    const body = `# Record\n\n${"x".repeat(500 * 1024)}\n`;
    for (let i = 1; i <= 100; i++)
      await writeFile(join(folder, `${String(i).padStart(4, "0")}-record.md`), body);
    // No server is configured: the check happens before anything is sent.
    const run = await runCli(["import", folder], { env: { HOME: home, XDG_CONFIG_HOME: home } });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `tradeoff: ${folder} holds 65.1 MB of records once encoded; one import sends at most 63 MB. Nothing was sent. Import the folder in parts: move the older records to a folder of their own and import each folder (links between records of different parts are not kept).\n`,
    );
  });
});

describe("tradeoff import FOLDER again (a retry after a timeout)", () => {
  it("files already imported are not records lost: exit 0, each one says which record it is", async () => {
    const again = (fileName: string, number: number) => ({
      fileName,
      reason: `already imported into this team as record ${number} (the same file, unchanged)`,
      importedAs: number,
    });
    let newOne = false;
    const stub = await billingStub(
      folderImportAnswer(() => ({
        records: newOne
          ? [
              importedRecord({
                fileName: "0003-use-kafka.md",
                number: 3,
                title: "Use Kafka",
                date: "2026-01-03",
              }),
            ]
          : [],
        skipped: [again("0001-record.md", 1), again("0002-queue.md", 2)],
      })),
    );
    try {
      const { home, folder } = await homeWithFolder("doc/adr", {
        "0001-record.md": "# 1. Record\n",
        "0002-queue.md": "# 1. Record\n",
      });
      const env = stub.env(home);
      const run = await runCli(["import", folder], { env });
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe(
        `Nothing to import: every record of ${folder} is already in billing, unchanged; nothing was created.\n` +
          "Already imported (2 files):\n" +
          "  0001-record.md: already imported into this team as record 1 (the same file, unchanged)\n" +
          "  0002-queue.md: already imported into this team as record 2 (the same file, unchanged)\n",
      );
      expect(run.code).toBe(0);
      // One new file beside them: it is created, the others are not records lost.
      newOne = true;
      await writeFile(join(folder, "0003-use-kafka.md"), "# 3. Use Kafka\n");
      const more = await runCli(["import", folder], { env });
      expect(more.stderr).toBe("");
      expect(more.code).toBe(0);
      expect(more.stdout).toContain("Created 1 record in billing:\n");
      expect(more.stdout).toContain("Already imported (2 files):\n");
    } finally {
      await stub.close();
    }
  });
});

describe("tradeoff import FOLDER with a file changed since it was imported", () => {
  it("says it is the record's next revision (same number, same file), not a new record", async () => {
    const stub = await billingStub(
      folderImportAnswer(() => ({
        records: [
          importedRecord({
            fileName: "0003-use-postgresql.md",
            number: 3,
            title: "Use PostgreSQL",
            date: "2026-01-03",
            revises: { revision: 2 },
          }),
          importedRecord({
            fileName: "0004-use-redis.md",
            number: 4,
            title: "Use Redis",
            date: "2026-01-04",
          }),
        ],
        skipped: [],
      })),
    );
    try {
      const { home, folder } = await homeWithFolder("doc/adr", {
        "0003-use-postgresql.md": "# 3. Record\n",
        "0004-use-redis.md": "# 3. Record\n",
      });
      const env = stub.env(home);
      const lines =
        "  billing/3  Use PostgreSQL  (accepted, 2026-01-03)  from 0003-use-postgresql.md, changed since it was imported: revision 2\n" +
        "  billing/4  Use Redis  (accepted, 2026-01-04)  from 0004-use-redis.md\n";
      const dry = await runCli(["import", folder, "--dry-run"], { env });
      expect(dry.stderr).toBe("");
      expect(dry.stdout).toBe(
        `Would create 1 record and revise 1 in billing (dry run: nothing was written):\n${lines}`,
      );
      const run = await runCli(["import", folder], { env });
      expect(run.stdout).toBe(`Created 1 record and revised 1 in billing:\n${lines}`);
      expect(run.code).toBe(0);
    } finally {
      await stub.close();
    }
  });
});
