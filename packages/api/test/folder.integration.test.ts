import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { exportFolder } from "../src/services/folder/export-folder";
import { INDEX_MARKER } from "../src/services/folder/folder";
import { trpcError, useTestDatabase } from "./helpers";
import { blankInput, openProject, recordDecision, teamWith } from "./project-fixtures";

const t = useTestDatabase();

type Api = Awaited<ReturnType<typeof teamWith>>["owner"]["api"];

/** Three recorded decisions: the first superseded by the second and the third, the second by the third. */
async function teamWithChain() {
  const setup = await teamWith(t, ["MEMBER"]);
  const api = setup.owner.api;
  const decide = async (title: string, rationale: string) => {
    const projectId = await openProject(setup.owner, blankInput(setup.team.id, { title }));
    await recordDecision(setup.owner, projectId, "sqs", rationale, {
      consequences: { good: ["Nothing to run."], neutral: [], bad: ["Vendor lock-in."] },
      consulted: [{ name: "José Núñez" }],
    });
    return projectId;
  };
  const first = await decide("Queue for billing events", "it is managed.");
  const second = await decide("Zebra: a second queue", "it is *cheaper* | faster.");
  const third = await decide("Mid-size queue", "it scales.");
  await api.record.supersede({ projectId: first, successorIds: [second] });
  await api.record.supersede({ projectId: second, successorIds: [third] });
  await api.record.supersede({ projectId: first, successorIds: [third] });
  await api.tag.set({ projectId: third, tags: ["Billing", "queues", "billing"] });
  return { ...setup, ids: [first, second, third] };
}

const encode = (name: string, text: string | Buffer) => {
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  return { name, size: bytes.length, content: bytes.toString("base64") };
};

async function freshTeam() {
  const setup = await teamWith(t);
  return { api: setup.owner.api as Api, teamId: setup.team.id };
}

describe("a docs/decisions folder: export --all", () => {
  it("names files as each tool does, links resolve on disk, the index is newest first", async () => {
    const { owner, team } = await teamWithChain();
    const madr = await owner.api.export.folder({ teamId: team.id, format: "madr" });
    expect(madr.files.map((f) => f.name)).toEqual([
      "0001-queue-for-billing-events.md",
      "0002-zebra-a-second-queue.md",
      "0003-mid-size-queue.md",
      "README.md",
    ]);
    const names = new Set(madr.files.map((f) => f.name));
    const log4brains = await owner.api.export.folder({ teamId: team.id, format: "log4brains" });
    const day = new Date().toISOString().slice(0, 10).replaceAll("-", "");
    expect(log4brains.files.map((f) => f.name)).toEqual([
      `${day}-queue-for-billing-events.md`,
      `${day}-zebra-a-second-queue.md`,
      `${day}-mid-size-queue.md`,
      "README.md",
    ]);
    for (const folder of [madr, log4brains]) {
      const here = new Set(folder.files.map((f) => f.name));
      for (const file of folder.files) {
        for (const [, target] of file.content.matchAll(/\]\(([^)\s]+\.md)\)/g))
          expect(here, `${file.name} links to ${target}`).toContain(target);
      }
    }
    expect(names.size).toBe(4);
    const first = madr.files[0]?.content ?? "";
    const front = parseYaml(first.split("---\n")[1] ?? "");
    expect(front.status).toBe(
      "superseded by [2. Zebra: a second queue](0002-zebra-a-second-queue.md), [3. Mid-size queue](0003-mid-size-queue.md)",
    );
    expect(front.consulted).toEqual(["José Núñez"]);
    // Tags are written to MADR's front matter and log4brains' Tags line, lower-cased, once each.
    expect(parseYaml(madr.files[2]?.content.split("---\n")[1] ?? "").tags).toEqual([
      "billing",
      "queues",
    ]);
    expect(log4brains.files[2]?.content).toContain("\n- Tags: billing, queues\n");
    // log4brains: the latest superseder in the status, every one in the body.
    expect(log4brains.files[0]?.content).toContain(
      `- Status: superseded by [${day}-mid-size-queue](${day}-mid-size-queue.md)\n`,
    );
    const index = madr.files[3]?.content ?? "";
    expect(index.startsWith(INDEX_MARKER)).toBe(true);
    const rows = index.split("\n").filter((l) => l.startsWith("| ["));
    expect(rows).toEqual([
      `| [3. Mid-size queue](0003-mid-size-queue.md) | accepted | ${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)} |`,
      expect.stringContaining(
        "| [2. Zebra: a second queue](0002-zebra-a-second-queue.md) | superseded |",
      ),
      expect.stringContaining(
        "| [1. Queue for billing events](0001-queue-for-billing-events.md) | superseded |",
      ),
    ]);
  });

  it("one project's record only, and a project of another team is not found", async () => {
    const { owner, team, ids } = await teamWithChain();
    const one = await owner.api.export.folder({
      teamId: team.id,
      format: "nygard",
      projectId: ids[1] ?? "",
    });
    expect(one.files.map((f) => f.name)).toEqual(["0002-zebra-a-second-queue.md", "README.md"]);
    const other = await teamWithChain();
    const error = await trpcError(
      owner.api.export.folder({ teamId: team.id, format: "madr", projectId: other.ids[0] ?? "" }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("a docs/decisions folder leaves the sample decision out", () => {
  it("its fictional teammates' votes are never written: no file, no index row, --check stays up to date", async () => {
    const { owner, team } = await teamWithChain();
    const before = await owner.api.export.folder({ teamId: team.id, format: "madr" });
    const sample = await owner.api.project.createSample({ teamId: team.id });
    const after = await owner.api.export.folder({ teamId: team.id, format: "madr" });
    expect(after.files).toEqual(before.files);
    expect(after.files.map((f) => f.content).join("\n")).not.toContain("(sample)");
    const one = await trpcError(
      owner.api.export.folder({ teamId: team.id, format: "madr", projectId: sample.id }),
    );
    expect(one.code).toBe("NOT_FOUND");
    expect(one.message).toBe(
      "This is the sample decision, with fictional teammates: it is not written to the records folder. Export it on its own (export.file) to see what a record looks like.",
    );
  });
});

describe("a docs/decisions folder stays the same while the team votes", () => {
  const APP = "https://tradeoff.example.com";

  it("a proposed record holds no vote-derived number: votes leave its file byte for byte; editing or deciding changes it", async () => {
    const setup = await teamWith(t, ["MEMBER"]);
    const api = setup.owner.api;
    const member = setup.people[1]?.api as Api;
    const teamId = setup.team.id;
    const projectId = await openProject(setup.owner, blankInput(teamId));
    const folders = async () =>
      Promise.all(
        (["madr", "log4brains", "nygard"] as const).map(
          async (format) => (await exportFolder(t.db, { teamId, appUrl: APP }, { format })).files,
        ),
      );

    const before = await folders();
    await member.vote.cast({
      projectId,
      criterionKey: "ops",
      weight: 5,
      scores: { kafka: 2, sqs: 5 },
      rationale: "SQS is managed.",
    });
    await api.vote.cast({ projectId, criterionKey: "ordering", weight: 2, scores: { kafka: 5 } });
    expect(await folders()).toEqual(before);

    // What it holds: voting is open and where to see the outcome; context, options, criteria.
    const [madr = [], , nygard = []] = before;
    const proposed = madr[0]?.content ?? "";
    expect(madr.map((f) => f.name)).toEqual([
      "0001-which-queue-for-billing-events.md",
      "README.md",
    ]);
    expect(proposed).toContain("status: proposed\n");
    expect(proposed).toContain(
      `Voting is open: the team's live recommendation, votes and discussion are on [the decision project](${APP}/t/`,
    );
    expect(proposed).toContain("We need a queue.");
    expect(proposed).toContain("* Operational cost (default weight 3): Who runs it\n");
    expect(proposed).toContain("* Ordering (default weight 3), a must-have\n");
    // Options by name alone, as decided records list them: an import reads them back as names.
    expect(proposed).toContain("## Considered Options\n\n* Kafka\n* SQS\n");
    for (const live of ["team weight", "Participation", "Sensitivity", "Total", "%", "exported"])
      expect(proposed).not.toContain(live);
    expect(nygard[0]?.content).toContain("## Status\n\nProposed\n");

    // The project's own download still shows the current state.
    const single = await api.export.file({ projectId, format: "madr" });
    expect(single.content).toContain("Participation:");

    // Something stable changes: an edit, then the decision.
    await api.project.update({ projectId, context: "We need a queue for invoices." });
    const edited = await folders();
    expect(edited[0]?.[0]?.content).toContain("We need a queue for invoices.");
    await recordDecision(setup.owner, projectId, "sqs", "it is managed.");
    const decided = (await folders())[0]?.[0]?.content ?? "";
    expect(decided).toContain("status: accepted\n");
    expect(decided).toContain("Participation when it was decided:");
  });
});

describe("a docs/decisions folder stays the same from one day to the next", () => {
  it("a project closed or archived without a decision is dated by the project, not by the day of the export", async () => {
    const setup = await teamWith(t, ["MEMBER"]);
    const api = setup.owner.api;
    const teamId = setup.team.id;
    const closeWithout = async (title: string, end: "close" | "archive") => {
      const projectId = await openProject(setup.owner, blankInput(teamId, { title }));
      await api.vote.cast({
        projectId,
        criterionKey: "ops",
        weight: 4,
        scores: { kafka: 2, sqs: 5 },
      });
      await api.project[end]({ projectId });
      return projectId;
    };
    await closeWithout("Voting closed, nothing recorded", "close");
    await closeWithout("Archived while open", "archive");
    const folderOn = (now: string) =>
      Promise.all(
        (["madr", "log4brains", "nygard"] as const).map(
          async (format) =>
            (await exportFolder(t.db, { teamId, now: new Date(now) }, { format })).files,
        ),
      );

    const monday = await folderOn("2031-03-03T09:00:00Z");
    const tuesday = await folderOn("2031-03-04T17:30:00Z");
    expect(tuesday).toEqual(monday);
    // Voting closed, it is still proposed (it can be recorded), with the recommendation voting
    // closed on and never "voting is open"; archived, it reads as rejected, with the
    // recommendation it was left with; both as of their last change (today).
    const today = new Date().toISOString().slice(0, 10);
    const [madr = [], log4brains = [], nygard = []] = monday;
    expect(madr[0]?.content).toContain(`status: proposed\ndate: ${today}\n`);
    for (const file of [madr[0], log4brains[0], nygard[0]]) {
      expect(file?.content).toContain(
        `Voting closed on ${today} and the decision has not been recorded yet: the outcome below is the team's recommendation when voting closed, not a decision.`,
      );
      expect(file?.content).toContain("The team recommends ");
      expect(file?.content).not.toMatch(/voting is open/i);
    }
    expect(madr[1]?.content).toContain(`status: rejected\ndate: ${today}\n`);
    expect(nygard[1]?.content).toContain(`Date: ${today}\n`);
    for (const file of [madr[1], log4brains[1], nygard[1]]) {
      expect(file?.content).toContain("This decision has not been recorded yet");
      expect(file?.content).toContain(`(as of ${today})`);
    }
    for (const file of [...madr, ...log4brains, ...nygard])
      expect(file.content, file.name).not.toContain("2031-03-0");
  });
});

describe("a docs/decisions folder: import", () => {
  for (const format of ["madr", "log4brains", "nygard"] as const) {
    it(`${format}: export --all, import into a fresh team, export again gives identical files`, async () => {
      const { owner, team } = await teamWithChain();
      const exported = await owner.api.export.folder({ teamId: team.id, format });
      const fresh = await freshTeam();
      const files = exported.files.map((f) => encode(f.name, f.content));
      const preview = await fresh.api.export.importFolder({
        teamId: fresh.teamId,
        files,
        dryRun: true,
      });
      expect(preview.dryRun).toBe(true);
      expect(preview.records.map((r) => [r.number, r.title, r.status])).toEqual([
        [1, "Queue for billing events", "superseded"],
        [2, "Zebra: a second queue", "superseded"],
        [3, "Mid-size queue", "accepted"],
      ]);
      expect(preview.skipped).toEqual([
        { fileName: "README.md", reason: expect.stringContaining("the index Tradeoff writes") },
      ]);
      // A dry run writes nothing.
      expect(await t.db.project.count({ where: { teamId: fresh.teamId } })).toBe(0);
      const done = await fresh.api.export.importFolder({
        teamId: fresh.teamId,
        files,
        dryRun: false,
      });
      expect(done.records).toHaveLength(3);
      const again = await fresh.api.export.folder({ teamId: fresh.teamId, format });
      expect(again.files.map((f) => f.name)).toEqual(exported.files.map((f) => f.name));
      for (const [i, file] of again.files.entries())
        expect(file.content, file.name).toBe(exported.files[i]?.content);
      const projects = await t.db.project.findMany({
        where: { teamId: fresh.teamId },
        orderBy: { number: "asc" },
        select: { status: true, tags: true, record: { select: { rationale: true } } },
      });
      expect(projects.map((p) => p.status)).toEqual(["SUPERSEDED", "SUPERSEDED", "DECIDED"]);
      expect(projects[2]?.tags).toEqual(format === "nygard" ? [] : ["billing", "queues"]);
      if (format !== "nygard")
        expect(projects[1]?.record?.rationale).toBe("it is *cheaper* | faster.");
    });
  }
});

const fixtures = join(import.meta.dirname, "fixtures", "decision-folders");
const folder = async (name: string) => {
  const dir = join(fixtures, name);
  return Promise.all(
    (await readdir(dir)).sort().map(async (file) => encode(file, await readFile(join(dir, file)))),
  );
};

describe("a docs/decisions folder: import of folders written by each tool", () => {
  it("adr-tools: numbers, dates, supersede links; a file that is not a record is skipped", async () => {
    const fresh = await freshTeam();
    const files = await folder("adr-tools");
    const result = await fresh.api.export.importFolder({ teamId: fresh.teamId, files });
    expect(result.records.map((r) => [r.number, r.title, r.status, r.date])).toEqual([
      [1, "Record architecture decisions", "accepted", "2024-03-01"],
      [2, "Use MySQL", "superseded", "2024-03-02"],
      [3, "Use PostgreSQL", "accepted", "2024-04-10"],
    ]);
    expect(result.records[1]?.supersededBy).toEqual(["0003-use-postgresql.md"]);
    expect(result.skipped).toEqual([
      { fileName: "CONTRIBUTING.md", reason: expect.stringContaining("not a decision record") },
    ]);
    const third = await t.db.project.findFirstOrThrow({
      where: { teamId: fresh.teamId, number: 3 },
      select: {
        status: true,
        options: { select: { name: true } },
        record: { select: { consequences: true, rationale: true } },
      },
    });
    expect(third.options.map((o) => o.name)).toEqual(["Use PostgreSQL"]);
    expect(third.record?.rationale).toBe("We will use PostgreSQL.");
    expect(third.record?.consequences).toEqual({
      good: ["JSONB indexes exist."],
      neutral: [],
      bad: ["the team must learn it."],
    });
    // The imported record opens like any other: no recommendation, since nobody voted here.
    const projectId = (
      await t.db.project.findFirstOrThrow({ where: { teamId: fresh.teamId, number: 2 } })
    ).id;
    const record = await fresh.api.record.get({ projectId });
    expect(record.view.supersededBy.map((p) => p.number)).toEqual([3]);
    // Read-only: it changes by a new decision that supersedes it, not by a revision.
    const revise = await trpcError(
      fresh.api.record.revise({
        projectId,
        chosenOptionKey: "use-mysql",
        rationale: "x",
        note: "edit",
      }),
    );
    expect(revise.code).toBe("CONFLICT");
    expect(revise.message).toContain("imported from 0002-use-mysql.md and is read-only");
    const adr = await fresh.api.export.file({ projectId, format: "nygard" });
    expect(adr.content).toBe(
      await readFile(join(fixtures, "adr-tools", "0002-use-mysql.md"), "utf8"),
    );
  });

  it("MADR 4 and 2: people as lists, tags, options and the chosen one; broken files get a reason", async () => {
    const fresh = await freshTeam();
    const preview = await fresh.api.export.importFolder({
      teamId: fresh.teamId,
      files: await folder("madr"),
      dryRun: true,
    });
    expect(preview.records.map((r) => [r.number, r.title, r.status])).toEqual([
      [1, "Use OAuth 2.1 for the API", "accepted"],
      [2, "Use Markdown Architectural Decision Records", "deprecated"],
    ]);
    expect(preview.skipped).toEqual([
      {
        fileName: "0003-broken-front-matter.md",
        reason: expect.stringMatching(/^broken front matter: /),
      },
      {
        fileName: "0004-unknown-status.md",
        reason:
          'status "maybe later" is not one of proposed, accepted, rejected, deprecated, superseded, draft',
      },
    ]);
    await fresh.api.export.importFolder({ teamId: fresh.teamId, files: await folder("madr") });
    const [oauth, madr2] = await t.db.project.findMany({
      where: { teamId: fresh.teamId },
      orderBy: { number: "asc" },
      select: {
        status: true,
        tags: true,
        options: { select: { key: true, name: true }, orderBy: { position: "asc" } },
        record: true,
      },
    });
    expect(oauth?.tags).toEqual(["security", "api"]);
    expect(oauth?.options.map((o) => o.name)).toEqual(["OAuth 2.1", "API keys"]);
    expect(oauth?.record?.chosenOptionKey).toBe(oauth?.options[0]?.key);
    expect(oauth?.record?.rationale).toBe("it is the standard clients already support.");
    expect(oauth?.record?.decisionMakers).toEqual([
      { name: "Alice Example" },
      { name: "Bob Example" },
    ]);
    expect(oauth?.record?.consulted).toEqual([{ name: "Carol Example" }]);
    expect(oauth?.record?.informed).toEqual([{ name: "Dave Example" }]);
    expect(madr2?.status).toBe("ARCHIVED");
    expect(madr2?.record?.decisionMakers).toEqual([{ name: "Oliver" }, { name: "Olaf" }]);
    expect(madr2?.record?.consequences).toEqual({
      good: ["Decisions are easy to find."],
      neutral: [],
      bad: ["Learning the format takes a moment."],
    });
  });

  it("log4brains: files without numbers in date order, the superseder from the status line", async () => {
    const fresh = await freshTeam();
    const result = await fresh.api.export.importFolder({
      teamId: fresh.teamId,
      files: await folder("log4brains"),
    });
    expect(result.records.map((r) => [r.number, r.fileName, r.status])).toEqual([
      [1, "20200910-use-log4brains-to-manage-the-adrs.md", "superseded"],
      [2, "20210101-use-a-wiki.md", "accepted"],
    ]);
    expect(result.skipped.map((s) => s.fileName)).toEqual(["index.md", "template.md"]);
    const tags = await t.db.project.findFirstOrThrow({
      where: { teamId: fresh.teamId, number: 1 },
      select: { tags: true },
    });
    expect(tags.tags).toEqual(["doc", "tooling"]);
  });

  it("hostile files: each gets its reason, the readable ones are previewed, nothing is half-written", async () => {
    const fresh = await freshTeam();
    const good = encode("0001-good.md", "# 1. Good\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n");
    const files = [
      good,
      encode(
        "../../etc/0002-escape.md",
        "# 2. Escape\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n",
      ),
      encode("0003-binary.md", Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28])),
      encode("0004-nul.md", "# 4. Nul\u0000\n"),
      { name: "0005-huge.md", size: 50 * 1024 * 1024, content: null },
      encode(
        "0006-aliases.md",
        `---\n${"a: &a [x]\n"}${Array.from({ length: 30 }, (_, i) => `b${i}: *a`).join("\n")}\n---\n# T\n`,
      ),
      encode("photo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47])),
      encode("0001-good.md", "# 1. Again\n"),
    ];
    const preview = await fresh.api.export.importFolder({
      teamId: fresh.teamId,
      files,
      dryRun: true,
    });
    expect(preview.records.map((r) => r.fileName)).toEqual(["0001-good.md"]);
    expect(Object.fromEntries(preview.skipped.map((s) => [s.fileName, s.reason]))).toEqual({
      "../../etc/0002-escape.md": expect.stringContaining("leaves the folder"),
      "0003-binary.md": "not text: the file is binary or not UTF-8",
      "0004-nul.md": "not text: the file is binary (it has NUL bytes)",
      "0005-huge.md": "too large: 52428800 bytes; a record file is at most 512 KB",
      "0006-aliases.md": expect.stringMatching(/^broken front matter|^not a decision record/),
      "photo.png": "not a Markdown file (.md)",
      "0001-good.md": expect.stringContaining("same name"),
    });
    const tooMany = await trpcError(
      fresh.api.export.importFolder({
        teamId: fresh.teamId,
        files: Array.from({ length: 1001 }, (_, i) => ({ ...good, name: `${i}.md` })),
      }),
    );
    expect(tooMany.message).toContain("at most 1000 files");
    expect(await t.db.project.count({ where: { teamId: fresh.teamId } })).toBe(0);
  });
});

describe("a docs/decisions folder: an imported folder exported back into itself", () => {
  it("adr-tools: each record keeps its file's name (adr-tools' own slug), so nothing is written twice", async () => {
    const fresh = await freshTeam();
    const files = await folder("adr-tools-unicode");
    await fresh.api.export.importFolder({ teamId: fresh.teamId, files });
    const again = await fresh.api.export.folder({ teamId: fresh.teamId, format: "nygard" });
    expect(again.files.map((f) => f.name)).toEqual([...files.map((f) => f.name), "README.md"]);
    for (const file of files)
      expect(again.files.find((f) => f.name === file.name)?.content, file.name).toBe(
        Buffer.from(file.content as string, "base64").toString("utf8"),
      );
    // MADR names files as adr-tools does (NNNN-title.md): the same names.
    const madr = await fresh.api.export.folder({ teamId: fresh.teamId, format: "madr" });
    expect(madr.files.map((f) => f.name)).toEqual(again.files.map((f) => f.name));
    // log4brains names its files by day: its own names, as for any record.
    const log4brains = await fresh.api.export.folder({
      teamId: fresh.teamId,
      format: "log4brains",
    });
    expect(log4brains.files.map((f) => f.name)).toContain("20261206-cafe-au-lait-ok.md");
  });

  it("a record whose number was taken in the team is named after its new number", async () => {
    const fresh = await freshTeam();
    await fresh.api.export.importFolder({ teamId: fresh.teamId, files: await folder("adr-tools") });
    await fresh.api.export.importFolder({
      teamId: fresh.teamId,
      files: await folder("adr-tools-unicode"),
    });
    const again = await fresh.api.export.folder({ teamId: fresh.teamId, format: "nygard" });
    // The second folder's 0001-record-architecture-decisions.md (another repository's, of
    // another date) is a record of its own, named after its number here; the first folder's
    // file keeps its name.
    expect(again.files.map((f) => f.name)).toEqual([
      "0001-record-architecture-decisions.md",
      "0002-use-mysql.md",
      "0003-use-postgresql.md",
      "0004-record-architecture-decisions.md",
      "0005-use-postgresql-for-storage.md",
      "0006-use-cockroachdb-fur-speicherung-unicode.md",
      "0007-cafe-au-lait-ok.md",
      "README.md",
    ]);
  });
});

describe("a docs/decisions folder: log4brains records of one day keep their numbers", () => {
  it("export, import elsewhere, export again gives identical files: by the index, else by the -N names", async () => {
    const setup = await teamWith(t);
    const api = setup.owner.api;
    for (const title of ["Same title", "Same title", "Same title", "Zebra", "Apple"]) {
      const projectId = await openProject(setup.owner, blankInput(setup.team.id, { title }));
      await recordDecision(
        setup.owner,
        projectId,
        "sqs",
        `${title} it is: nobody has voted yet; the team agreed in the meeting.`,
      );
    }
    const exported = await api.export.folder({ teamId: setup.team.id, format: "log4brains" });
    const day = new Date().toISOString().slice(0, 10).replaceAll("-", "");
    expect(exported.files.map((f) => f.name)).toEqual([
      `${day}-same-title.md`,
      `${day}-same-title-2.md`,
      `${day}-same-title-3.md`,
      `${day}-zebra.md`,
      `${day}-apple.md`,
      "README.md",
    ]);
    const fresh = await freshTeam();
    await fresh.api.export.importFolder({
      teamId: fresh.teamId,
      files: exported.files.map((f) => encode(f.name, f.content)),
    });
    const again = await fresh.api.export.folder({ teamId: fresh.teamId, format: "log4brains" });
    expect(again.files.map((f) => [f.name, f.content])).toEqual(
      exported.files.map((f) => [f.name, f.content]),
    );
    // Without the index (a folder log4brains keeps): the -N names still give the order.
    const bare = await freshTeam();
    const imported = await bare.api.export.importFolder({
      teamId: bare.teamId,
      files: exported.files
        .filter((f) => f.name.includes("same-title"))
        .map((f) => encode(f.name, f.content)),
    });
    expect(imported.records.map((r) => [r.number, r.fileName])).toEqual([
      [1, `${day}-same-title.md`],
      [2, `${day}-same-title-2.md`],
      [3, `${day}-same-title-3.md`],
    ]);
  });
});

describe("a docs/decisions folder imported twice", () => {
  it("files already imported into the team, unchanged, are skipped with a note: a retry creates nothing twice", async () => {
    const fresh = await freshTeam();
    const files = await folder("adr-tools");
    await fresh.api.export.importFolder({ teamId: fresh.teamId, files });
    for (const dryRun of [true, false]) {
      const again = await fresh.api.export.importFolder({ teamId: fresh.teamId, files, dryRun });
      expect(again.records, `dryRun ${dryRun}`).toEqual([]);
      expect(again.skipped, `dryRun ${dryRun}`).toEqual([
        { fileName: "CONTRIBUTING.md", reason: expect.stringContaining("not a decision record") },
        {
          fileName: "0001-record-architecture-decisions.md",
          reason: "already imported into this team as record 1 (the same file, unchanged)",
          importedAs: 1,
        },
        {
          fileName: "0002-use-mysql.md",
          reason: "already imported into this team as record 2 (the same file, unchanged)",
          importedAs: 2,
        },
        {
          fileName: "0003-use-postgresql.md",
          reason: "already imported into this team as record 3 (the same file, unchanged)",
          importedAs: 3,
        },
      ]);
    }
    expect(await t.db.project.count({ where: { teamId: fresh.teamId } })).toBe(3);
    // A file changed since (CRLF line ends are the same file) is a new revision of its record:
    // the same number and file, never a second record that loses the file's name.
    const edited = (name: string, text: string) =>
      name === "0003-use-postgresql.md" ? text.replace("PostgreSQL.", "PostgreSQL 17.") : text;
    const changed = files.map((f) =>
      encode(
        f.name,
        edited(f.name, Buffer.from(f.content as string, "base64").toString()).replaceAll(
          "\n",
          f.name === "0003-use-postgresql.md" ? "\n" : "\r\n",
        ),
      ),
    );
    const preview = await fresh.api.export.importFolder({
      teamId: fresh.teamId,
      files: changed,
      dryRun: true,
    });
    expect(preview.records.map((r) => [r.number, r.fileName, r.revises])).toEqual([
      [3, "0003-use-postgresql.md", { revision: 2 }],
    ]);
    const third = await fresh.api.export.importFolder({ teamId: fresh.teamId, files: changed });
    expect(third.records.map((r) => [r.number, r.fileName, r.revises])).toEqual([
      [3, "0003-use-postgresql.md", { revision: 2 }],
    ]);
    expect(third.skipped.map((s) => s.fileName)).toEqual([
      "CONTRIBUTING.md",
      "0001-record-architecture-decisions.md",
      "0002-use-mysql.md",
    ]);
    expect(await t.db.project.count({ where: { teamId: fresh.teamId } })).toBe(3);
    // Exported back, the edited file is written under its own name, as it now reads.
    const exported = await fresh.api.export.folder({ teamId: fresh.teamId, format: "nygard" });
    expect(exported.files.map((f) => f.name)).toEqual([
      "0001-record-architecture-decisions.md",
      "0002-use-mysql.md",
      "0003-use-postgresql.md",
      "README.md",
    ]);
    expect(exported.files[2]?.content).toBe(
      edited(
        "0003-use-postgresql.md",
        Buffer.from(
          files.find((f) => f.name === "0003-use-postgresql.md")?.content as string,
          "base64",
        ).toString(),
      ),
    );
    // Its revisions say where each came from; the record page shows the latest.
    const revisions = await t.db.decisionRecordRevision.findMany({
      where: { record: { project: { teamId: fresh.teamId, number: 3 } } },
      orderBy: { revision: "asc" },
      select: { revision: true, note: true },
    });
    expect(revisions).toEqual([
      { revision: 1, note: "Imported from 0003-use-postgresql.md." },
      {
        revision: 2,
        note: "Imported again from 0003-use-postgresql.md, changed since revision 1.",
      },
    ]);
    // Imported again as it is now: nothing left to do.
    const fourth = await fresh.api.export.importFolder({ teamId: fresh.teamId, files: changed });
    expect(fourth.records).toEqual([]);
  });
});

describe("a docs/decisions folder: a day the calendar does not have", () => {
  it("says the date is not in the calendar, not that there is none", async () => {
    const fresh = await freshTeam();
    const preview = await fresh.api.export.importFolder({
      teamId: fresh.teamId,
      dryRun: true,
      files: [
        encode("0001-madr.md", "---\nstatus: accepted\ndate: 2026-02-30\n---\n\n# Use MADR\n"),
        encode(
          "0002-nygard.md",
          "# 2. Use adr-tools\n\nDate: 2026-04-31\n\n## Status\n\nAccepted\n",
        ),
        encode("0003-none.md", "# 3. No date\n\n## Status\n\nAccepted\n"),
      ],
    });
    expect(preview.skipped).toEqual([
      {
        fileName: "0001-madr.md",
        reason:
          "date 2026-02-30 is not a day of the calendar: check the month and day (YYYY-MM-DD)",
      },
      {
        fileName: "0002-nygard.md",
        reason:
          "date 2026-04-31 is not a day of the calendar: check the month and day (YYYY-MM-DD)",
      },
      { fileName: "0003-none.md", reason: "no date: the record needs a `Date: YYYY-MM-DD` line" },
    ]);
  });
});
