import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import { billingStub, folderImportAnswer, importedRecord } from "./stub-server";

const revisableBy = "Olivia Owner (who imported it) or a team admin";
const reason = `record 1 was imported from this file, which has changed since, but only ${revisableBy} can revise it: it is left as it is. Ask one of them to import the changed file.`;
const supersedeReason = `record 1 was imported from this file, and 0002-use-kafka.md says it supersedes it, but only ${revisableBy} can supersede it: it is left as it is, not superseded. Ask one of them to import these files, or to supersede record 1 in the app.`;

async function folderOf(names: string[]) {
  const home = await mkdtemp(join(tmpdir(), "tradeoff-import-"));
  const folder = join(home, "decisions");
  await mkdir(folder, { recursive: true });
  for (const name of names) await writeFile(join(folder, name), `# ${name}\n`);
  return { home, folder };
}

describe("tradeoff import FOLDER with a record the caller may not revise or supersede", () => {
  it.each([
    {
      record: "a file changed since",
      second: { fileName: "0002-use-redis.md", title: "Use Redis" },
      why: reason,
    },
    {
      record: "a record another file supersedes",
      second: { fileName: "0002-use-kafka.md", title: "Use Kafka" },
      why: supersedeReason,
    },
  ])(
    "imports the rest and lists $record apart, saying who can change it",
    async ({ second, why }) => {
      const sent: boolean[] = [];
      const stub = await billingStub(({ input }) => {
        const { dryRun } = input as { dryRun: boolean };
        sent.push(dryRun);
        return {
          data: {
            records: [importedRecord({ ...second, number: 2, date: "2024-01-02" })],
            skipped: [
              { fileName: "0001-use-sqs.md", reason: why, conflict: { number: 1, revisableBy } },
            ],
            dryRun,
          },
        };
      });
      try {
        const { home, folder } = await folderOf(["0001-use-sqs.md", second.fileName]);
        const run = await runCli(["import", folder], { env: stub.env(home) });
        expect(run.stderr).toBe("");
        expect(run.code).toBe(0);
        // Not a record lost: the import goes ahead after its preview.
        expect(sent).toEqual([true, false]);
        expect(run.stdout).toBe(
          "Created 1 record in billing:\n" +
            `  billing/2  ${second.title}  (accepted, 2024-01-02)  from ${second.fileName}\n` +
            `Left as they are, not yours to revise or supersede (1 file):\n  0001-use-sqs.md: ${why}\n`,
        );
      } finally {
        await stub.close();
      }
    },
  );

  it("says nothing was written when that file is all the folder changes", async () => {
    const stub = await billingStub(
      folderImportAnswer(() => ({
        records: [],
        skipped: [{ fileName: "0001-use-sqs.md", reason, conflict: { number: 1, revisableBy } }],
      })),
    );
    try {
      const { home, folder } = await folderOf(["0001-use-sqs.md"]);
      const run = await runCli(["import", folder], { env: stub.env(home) });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        `Nothing to import: every record of ${folder} is already in billing, and the changes to them are not yours to make; nothing was written.\n` +
          `Left as they are, not yours to revise or supersede (1 file):\n  0001-use-sqs.md: ${reason}\n`,
      );
    } finally {
      await stub.close();
    }
  });
});
