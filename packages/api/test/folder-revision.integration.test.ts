import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adrIn, hasAdr } from "./adr-tools";
import { useTestDatabase } from "./helpers";
import { blankInput, teamWith } from "./project-fixtures";

/**
 * A docs/decisions folder kept with adr-tools while the team also imports it: a file edited
 * since its import is a new revision of its record (same number, same file), a new file a new
 * record, and the folder exported back into itself is the same files.
 */
const t = useTestDatabase();

const encode = (name: string, text: string) => {
  const bytes = Buffer.from(text);
  return { name, size: bytes.length, content: bytes.toString("base64") };
};

/** A repository with adr-tools' doc/adr folder: `adr` runs in it, the folder reads as files. */
function adrRepo() {
  const root = mkdtempSync(join(tmpdir(), "tradeoff-adr-"));
  const dir = join(root, "doc", "adr");
  const adr = (...args: string[]) => adrIn(root, ...args);
  const read = () =>
    Object.fromEntries(
      readdirSync(dir)
        .sort()
        .map((name) => [name, readFileSync(join(dir, name), "utf8")]),
    );
  const files = () => Object.entries(read()).map(([name, text]) => encode(name, text));
  return { root, dir, adr, read, files };
}

async function freshTeam() {
  const setup = await teamWith(t);
  return { api: setup.owner.api, teamId: setup.team.id };
}

describe.skipIf(!hasAdr)("an adr-tools folder imported, edited with adr, imported again", () => {
  it("adr new, new -s, link: import, export back into the folder is the same files; an edited file revises its record", async () => {
    const repo = adrRepo();
    repo.adr("init", "doc/adr");
    repo.adr("new", "Use MySQL");
    repo.adr("new", "-s", "2", "Use PostgreSQL");
    repo.adr("new", "Use Redis for caching");
    repo.adr("link", "4", "Amends", "3", "Amended by");
    const { api, teamId } = await freshTeam();
    const first = await api.export.importFolder({ teamId, files: repo.files() });
    expect(first.records.map((r) => [r.number, r.fileName, r.status, r.revises ?? null])).toEqual([
      [1, "0001-record-architecture-decisions.md", "accepted", null],
      [2, "0002-use-mysql.md", "superseded", null],
      [3, "0003-use-postgresql.md", "accepted", null],
      [4, "0004-use-redis-for-caching.md", "accepted", null],
    ]);
    const exportInto = async () => {
      const folder = await api.export.folder({ teamId, format: "nygard" });
      return Object.fromEntries(folder.files.map((f) => [f.name, f.content]));
    };
    const before = repo.read();
    const exported = await exportInto();
    // Every record file back as adr-tools wrote it ("Amends" links included), plus the index.
    expect(Object.keys(exported)).toEqual([...Object.keys(before), "README.md"]);
    for (const [name, text] of Object.entries(before)) expect(exported[name], name).toBe(text);

    // The folder moves on in the repository: 0003 is superseded by a new record (its Status
    // section changes), and 0004's context is written.
    repo.adr("new", "-s", "3", "Use CockroachDB");
    const redis = join(repo.dir, "0004-use-redis-for-caching.md");
    writeFileSync(
      redis,
      readFileSync(redis, "utf8").replace(
        "The issue motivating this decision, and any context that influences or constrains the decision.",
        "Reads of the catalogue are slow.",
      ),
    );
    const preview = await api.export.importFolder({ teamId, files: repo.files(), dryRun: true });
    expect(preview.records.map((r) => [r.number, r.fileName, r.status, r.revises ?? null])).toEqual(
      [
        [3, "0003-use-postgresql.md", "superseded", { revision: 2 }],
        [4, "0004-use-redis-for-caching.md", "accepted", { revision: 2 }],
        [5, "0005-use-cockroachdb.md", "accepted", null],
      ],
    );
    expect(preview.records[2]?.supersedes).toEqual(["0003-use-postgresql.md"]);
    expect(preview.skipped.map((s) => [s.fileName, s.importedAs])).toEqual([
      ["0001-record-architecture-decisions.md", 1],
      ["0002-use-mysql.md", 2],
    ]);
    expect(await t.db.project.count({ where: { teamId } })).toBe(4);

    const second = await api.export.importFolder({ teamId, files: repo.files() });
    expect(second.records).toHaveLength(3);
    // Still five records: the edited files are their records' second revision, not new records.
    const projects = await t.db.project.findMany({
      where: { teamId },
      orderBy: { number: "asc" },
      select: {
        number: true,
        status: true,
        record: {
          select: {
            revision: true,
            context: true,
            revisions: { select: { revision: true, note: true }, orderBy: { revision: "asc" } },
          },
        },
      },
    });
    expect(projects.map((p) => [p.number, p.status, p.record?.revision])).toEqual([
      [1, "DECIDED", 1],
      [2, "SUPERSEDED", 1],
      [3, "SUPERSEDED", 2],
      [4, "DECIDED", 2],
      [5, "DECIDED", 1],
    ]);
    expect(projects[3]?.record?.revisions.map((r) => r.note)).toEqual([
      "Imported from 0004-use-redis-for-caching.md.",
      "Imported again from 0004-use-redis-for-caching.md, changed since revision 1.",
    ]);
    const after = repo.read();
    const again = await exportInto();
    expect(Object.keys(again)).toEqual([...Object.keys(after), "README.md"]);
    for (const [name, text] of Object.entries(after)) expect(again[name], name).toBe(text);

    // Imported once more: every file is its record already.
    const third = await api.export.importFolder({ teamId, files: repo.files() });
    expect(third.records).toEqual([]);
    expect(third.skipped.map((s) => s.importedAs)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("a record's single Markdown download and the folder name it the same", () => {
  it("log4brains by its day, an imported record by its file's name", async () => {
    const setup = await teamWith(t);
    const api = setup.owner.api;
    const { id: projectId } = await api.project.create(
      blankInput(setup.team.id, { title: "Queue for billing events" }),
    );
    await api.project.open({ projectId });
    await api.record.decide({
      projectId,
      chosenOptionKey: "sqs",
      rationale: "It is managed: nobody has voted yet; the team agreed in the meeting.",
      decisionMakers: [{ userId: setup.owner.id }],
      confirmProvisional: true,
    });
    const imported = await api.export.importFolder({
      teamId: setup.team.id,
      files: [
        encode(
          "0002-use-f-r-speicherung.md",
          "# 2. Use für Speicherung\n\nDate: 2024-03-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe store.\n",
        ),
      ],
    });
    expect(imported.records.map((r) => r.number)).toEqual([2]);
    const importedId = (
      await t.db.project.findFirstOrThrow({
        where: { teamId: setup.team.id, number: 2 },
        select: { id: true },
      })
    ).id;
    for (const format of ["madr", "log4brains", "nygard"] as const) {
      const folder = await api.export.folder({ teamId: setup.team.id, format });
      for (const [i, id] of [projectId, importedId].entries()) {
        const single = await api.export.file({ projectId: id, format });
        expect(single.fileName, `${format} ${i}`).toBe(folder.files[i]?.name);
      }
    }
  });
});
