import { addMember, countStatements, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./helpers";
import { blankInput, castOnBothCriteria, recordDecision, teamWith } from "./project-fixtures";

const t = useTestDatabase();

/** A team of an owner and a member with `count` projects, each voted on, every other one decided. */
async function teamWithRecords(count: number) {
  const setup = await teamWith(t, ["MEMBER"]);
  const [owner, member] = setup.people as [
    (typeof setup.people)[number],
    (typeof setup.people)[number],
  ];
  for (let i = 0; i < count; i++) {
    const { id } = await owner.api.project.create(
      blankInput(setup.team.id, { title: `Queue number ${i + 1}` }),
    );
    await owner.api.project.open({ projectId: id });
    await castOnBothCriteria(member, id, { weight: 3, scores: { kafka: 2, sqs: 4 } });
    if (i % 2 === 0) await recordDecision(owner, id, "sqs", "it is managed.");
  }
  return setup;
}

describe("the records folder reads the team's records in a fixed number of statements", () => {
  it("3 or 30 records: the same number of statements, and every record is in the folder", async () => {
    const counts: number[] = [];
    for (const n of [3, 30]) {
      const { owner, team } = await teamWithRecords(n);
      const { result, statements } = await countStatements(() =>
        owner.api.export.folder({ teamId: team.id, format: "madr" }),
      );
      expect(result.files.filter((f) => f.name !== "README.md")).toHaveLength(n);
      counts.push(statements.length);
    }
    expect(counts[1], `statements for 3 and for 30 records: ${counts.join(", ")}`).toBe(counts[0]);
  }, 120_000);
});

/** `count` adr-tools records, each superseding the one before. */
function adrFolder(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const name = `${String(n).padStart(4, "0")}-use-database-${n}.md`;
    const next = `${String(n + 1).padStart(4, "0")}-use-database-${n + 1}.md`;
    const status =
      n < count ? `Superseded by [${n + 1}. Use database ${n + 1}](${next})` : "Accepted";
    const text = `# ${n}. Use database ${n}\n\nDate: 2024-03-02\n\n## Status\n\n${status}\n\n## Context\n\nThe service needs a database.\n\n## Decision\n\nWe will use database ${n}.\n\n## Consequences\n\nBackups.\n`;
    const bytes = Buffer.from(text);
    return { name, size: bytes.length, content: bytes.toString("base64") };
  });
}

describe("a folder import's preview reads the team in a fixed number of statements", () => {
  it("3 or 30 files: the same number of statements", async () => {
    const counts: number[] = [];
    for (const n of [3, 30]) {
      const { owner, team } = await teamWith(t);
      const files = adrFolder(n);
      const { result, statements } = await countStatements(() =>
        owner.api.export.importFolder({ teamId: team.id, files, dryRun: true }),
      );
      expect(result.records).toHaveLength(n);
      counts.push(statements.length);
    }
    expect(counts[1], `statements for 3 and for 30 files: ${counts.join(", ")}`).toBe(counts[0]);
  }, 120_000);
});

describe("a record's Markdown export reads its voters in a fixed number of statements", () => {
  it("3 or 30 voters: the same number of statements", async () => {
    const counts: number[] = [];
    for (const n of [3, 30]) {
      const setup = await teamWith(t);
      const owner = setup.owner;
      const { id: projectId } = await owner.api.project.create(blankInput(setup.team.id));
      await owner.api.project.open({ projectId });
      for (let i = 0; i < n; i++) {
        const user = await createUser(t.db, { name: `Voter ${i + 1}` });
        await addMember(t.db, setup.team.id, user.id, "MEMBER");
        await castOnBothCriteria({ api: t.callerAs(user) }, projectId, {
          weight: 3,
          scores: { kafka: 2, sqs: 4 },
        });
      }
      await recordDecision(owner, projectId, "sqs", "it is managed.");
      const { result, statements } = await countStatements(() =>
        owner.api.export.file({ projectId, format: "madr" }),
      );
      expect(result.content).toContain("it is managed.");
      counts.push(statements.length);
    }
    expect(counts[1], `statements for 3 and for 30 voters: ${counts.join(", ")}`).toBe(counts[0]);
  }, 120_000);
});
