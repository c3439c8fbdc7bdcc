import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./helpers";
import { teamWith } from "./project-fixtures";

/**
 * A file is its record's by more than its name: every adr-tools folder starts with
 * `0001-record-architecture-decisions.md`, and two repositories may both "Use MySQL". A
 * same-named file of another folder becomes a record of its own, with a note naming the record
 * it is not, and never rewrites the team's record.
 */
const t = useTestDatabase();

const encode = (name: string, text: string) => {
  const bytes = Buffer.from(text);
  return { name, size: bytes.length, content: bytes.toString("base64") };
};

const fixtures = join(import.meta.dirname, "fixtures", "decision-folders", "adr-tools");
const ourFolder = async () =>
  Promise.all(
    (await readdir(fixtures))
      .filter((name) => /^\d{4}-/.test(name))
      .sort()
      .map(async (name) => encode(name, await readFile(join(fixtures, name), "utf8"))),
  );

/** Another repository's adr-tools folder: two file names the team's folder has too. */
const otherFolder = (mysqlReason = "the hosting provider offers it.") => [
  encode(
    "0001-record-architecture-decisions.md",
    "# 1. Record architecture decisions\n\nDate: 2025-06-10\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record the architectural decisions made on the billing service.\n\n## Decision\n\nWe will use Architecture Decision Records.\n\n## Consequences\n\nSee Michael Nygard's article.\n",
  ),
  encode(
    "0002-use-mysql.md",
    `# 2. Use MySQL\n\nDate: 2025-06-11\n\n## Status\n\nAccepted\n\n## Context\n\nBilling needs a database.\n\n## Decision\n\nWe will use MySQL, because ${mysqlReason}\n\n## Consequences\n\nNone yet.\n`,
  ),
];

describe("a folder of another repository with file names the team's records have", () => {
  it("its files become new records with a note naming the clash; the team's records stay as they were", async () => {
    const setup = await teamWith(t);
    const api = setup.owner.api;
    const teamId = setup.team.id;
    await api.export.importFolder({ teamId, files: await ourFolder() });
    const ours = async () =>
      t.db.project.findMany({
        where: { teamId },
        orderBy: { number: "asc" },
        select: {
          number: true,
          title: true,
          status: true,
          context: true,
          record: { select: { revision: true, rationale: true } },
        },
      });
    const before = await ours();
    expect(before.map((p) => [p.number, p.record?.revision])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);

    const preview = await api.export.importFolder({ teamId, files: otherFolder(), dryRun: true });
    expect(
      preview.records.map((r) => [r.number, r.fileName, r.status, r.revises ?? null, r.warnings]),
    ).toEqual([
      [
        4,
        "0001-record-architecture-decisions.md",
        "accepted",
        null,
        [
          "record 1 was imported from a file of this name, but not from this file: that one was dated 2024-03-01, and this one is dated 2025-06-10. It is imported as a new record; if it is record 1's file, edited, give it the date 2024-03-01 again to revise record 1 instead.",
        ],
      ],
      [
        5,
        "0002-use-mysql.md",
        "accepted",
        null,
        [
          "record 2 was imported from a file of this name, but not from this file: that one was dated 2024-03-02, and this one is dated 2025-06-11. It is imported as a new record; if it is record 2's file, edited, give it the date 2024-03-02 again to revise record 2 instead.",
        ],
      ],
    ]);
    expect(preview.skipped).toEqual([]);
    // The preview writes nothing.
    expect(await ours()).toEqual(before);

    const done = await api.export.importFolder({ teamId, files: otherFolder() });
    expect(done.records.map((r) => [r.number, r.revises ?? null])).toEqual([
      [4, null],
      [5, null],
    ]);
    const after = await ours();
    // The team's own three records, as they were; the other folder's two, new.
    expect(after.slice(0, 3)).toEqual(before);
    expect(after.slice(3).map((p) => [p.number, p.title, p.status, p.record?.rationale])).toEqual([
      [4, "Record architecture decisions", "DECIDED", "We will use Architecture Decision Records."],
      [5, "Use MySQL", "DECIDED", "We will use MySQL, because the hosting provider offers it."],
    ]);

    // Each folder, edited and imported again, revises its own records only.
    const edited = otherFolder("the hosting provider runs it for us.");
    const again = await api.export.importFolder({ teamId, files: edited });
    expect(again.records.map((r) => [r.number, r.fileName, r.revises ?? null])).toEqual([
      [5, "0002-use-mysql.md", { revision: 2 }],
    ]);
    expect(again.skipped.map((s) => [s.fileName, s.importedAs])).toEqual([
      ["0001-record-architecture-decisions.md", 4],
    ]);
    const ourAgain = await api.export.importFolder({ teamId, files: await ourFolder() });
    expect(ourAgain.records).toEqual([]);
    expect(ourAgain.skipped.map((s) => s.importedAs)).toEqual([1, 2, 3]);
    const last = await ours();
    expect(last.slice(0, 3)).toEqual(before);
    expect(last[4]?.record).toEqual({
      revision: 2,
      rationale: "We will use MySQL, because the hosting provider runs it for us.",
    });

    // Exported, the team's folder keeps its own files' names; the other folder's records are
    // named after their numbers here.
    const folder = await api.export.folder({ teamId, format: "nygard" });
    expect(folder.files.map((f) => f.name)).toEqual([
      "0001-record-architecture-decisions.md",
      "0002-use-mysql.md",
      "0003-use-postgresql.md",
      "0004-record-architecture-decisions.md",
      "0005-use-mysql.md",
      "README.md",
    ]);
  });

  it("a file of the record's name written in another tool's layout is not the record's file either", async () => {
    const setup = await teamWith(t);
    const api = setup.owner.api;
    const teamId = setup.team.id;
    await api.export.importFolder({ teamId, files: await ourFolder() });
    const madr = encode(
      "0002-use-mysql.md",
      "---\nstatus: accepted\ndate: 2024-03-02\n---\n\n# Use MySQL\n\n## Context and Problem Statement\n\nBilling needs a database.\n",
    );
    const preview = await api.export.importFolder({ teamId, files: [madr], dryRun: true });
    expect(preview.records.map((r) => [r.number, r.revises ?? null, r.warnings])).toEqual([
      [
        4,
        null,
        [
          "record 2 was imported from a file of this name, but not from this file: that one was written as adr-tools, and this one as MADR. It is imported as a new record; if it is record 2's file, edited, write it as adr-tools again to revise record 2 instead.",
        ],
      ],
    ]);
  });
});
