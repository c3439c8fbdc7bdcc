import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";
import { restHandler, restRequest } from "./isolation/call";
import { at, teamWith } from "./project-fixtures";

/**
 * A file imported before and changed since revises its record only for who may revise a record
 * in the app: the record's creator (who imported it) and team admins. Anyone else's import leaves
 * it as it is and says who can.
 */
const t = useTestDatabase();

const encode = (name: string, text: string) => {
  const bytes = Buffer.from(text);
  return { name, size: bytes.length, content: bytes.toString("base64") };
};
const adr = (number: number, title: string, decision: string) =>
  encode(
    `000${number}-${title.toLowerCase().replaceAll(" ", "-")}.md`,
    `# ${number}. ${title}\n\nDate: 2024-01-0${number}\n\n## Status\n\nAccepted\n\n## Context\n\nQueues.\n\n## Decision\n\n${decision}\n\n## Consequences\n\nNone.\n`,
  );
const sqs = (decision: string) => adr(1, "Use SQS", decision);

async function importedByOwner() {
  const s = await teamWith(t, ["ADMIN", "MEMBER"]);
  await s.owner.api.export.importFolder({ teamId: s.team.id, files: [sqs("We will use SQS.")] });
  const project = await t.db.project.findFirstOrThrow({
    where: { teamId: s.team.id },
    select: { id: true },
  });
  return { ...s, admin: at(s.people, 1), member: at(s.people, 2), projectId: project.id };
}

const stored = (projectId: string) =>
  t.db.decisionRecord.findFirstOrThrow({
    where: { projectId },
    select: { revision: true, rationale: true },
  });

const conflictReason =
  "record 1 was imported from this file, which has changed since, but only Olivia Owner (who imported it) or a team admin can revise it: it is left as it is. Ask one of them to import the changed file.";

/** The preview's entry for record 1's file when the import leaves that record as it is. */
const leftAsItIs = (reason: string) => ({
  fileName: "0001-use-sqs.md",
  reason,
  conflict: { number: 1, revisableBy: "Olivia Owner (who imported it) or a team admin" },
});

describe("re-importing a changed file of someone else's record", () => {
  it("is a conflict for a member: the preview says who can revise it, and nothing is written", async () => {
    const s = await importedByOwner();
    const files = [sqs("We will use Kafka instead; SQS is banned."), adr(2, "Use Redis", "Redis.")];
    const preview = await s.member.api.export.importFolder({
      teamId: s.team.id,
      files,
      dryRun: true,
    });
    expect(preview.records.map((r) => [r.fileName, r.revises ?? null])).toEqual([
      ["0002-use-redis.md", null],
    ]);
    expect(preview.skipped).toEqual([leftAsItIs(conflictReason)]);

    const done = await s.member.api.export.importFolder({ teamId: s.team.id, files });
    expect(done.skipped).toEqual(preview.skipped);
    expect(done.records.map((r) => r.fileName)).toEqual(["0002-use-redis.md"]);
    expect(await stored(s.projectId)).toEqual({
      revision: 1,
      rationale: expect.not.stringMatching(/Kafka/),
    });
    expect(
      await t.db.projectEvent.count({
        where: { projectId: s.projectId, type: "decision.revised" },
      }),
    ).toBe(0);
    // As record.revise refuses the same member.
    const refused = await trpcError(
      s.member.api.record.revise({
        projectId: s.projectId,
        chosenOptionKey: "x",
        rationale: "x",
        note: "x",
      }),
    );
    expect(refused.code).toBe("FORBIDDEN");
  });

  it("is a conflict over REST with a member's read-write token too", async () => {
    const s = await importedByOwner();
    const { token } = await s.member.api.token.create({ name: "ci", scope: "READ_WRITE" });
    const answer = await restHandler(
      t.db,
      null,
    )(
      restRequest(
        "export.importFolder",
        { teamId: s.team.id, files: [sqs("We will use Kafka instead.")] },
        { authorization: `Bearer ${token}` },
      ),
    );
    expect(answer.status).toBeLessThan(300);
    const body = (await answer.json()) as { records: unknown[]; skipped: unknown[] };
    expect(body.records).toEqual([]);
    expect(body.skipped).toEqual([
      expect.objectContaining({ fileName: "0001-use-sqs.md", reason: conflictReason }),
    ]);
    expect((await stored(s.projectId)).revision).toBe(1);
  });

  it("revises the record for a team admin, and for whoever imported it", async () => {
    const s = await importedByOwner();
    const byAdmin = await s.admin.api.export.importFolder({
      teamId: s.team.id,
      files: [sqs("We will use SQS FIFO.")],
    });
    expect(byAdmin.records.map((r) => r.revises)).toEqual([{ revision: 2 }]);
    expect(await stored(s.projectId)).toMatchObject({ revision: 2 });

    // A member's own imported record is theirs to revise.
    const team = s.team.id;
    await s.member.api.export.importFolder({ teamId: team, files: [adr(3, "Use Redis", "One.")] });
    const own = await s.member.api.export.importFolder({
      teamId: team,
      files: [adr(3, "Use Redis", "Two.")],
    });
    expect(own.records.map((r) => r.revises)).toEqual([{ revision: 2 }]);
    expect(own.skipped).toEqual([]);
  });
});

/** Record 2, whose file says it supersedes record 1 (as adr-tools' `adr new -s 1` writes it). */
const kafka = encode(
  "0002-use-kafka.md",
  "# 2. Use Kafka\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\nSupersedes [1. Use SQS](0001-use-sqs.md)\n\n## Context\n\nQueues.\n\n## Decision\n\nKafka.\n\n## Consequences\n\nNone.\n",
);

const supersedeReason =
  "record 1 was imported from this file, and 0002-use-kafka.md says it supersedes it, but only Olivia Owner (who imported it) or a team admin can supersede it: it is left as it is, not superseded. Ask one of them to import these files, or to supersede record 1 in the app.";

const statusOf = async (projectId: string) =>
  (await t.db.project.findUniqueOrThrow({ where: { id: projectId }, select: { status: true } }))
    .status;

describe("importing a file that supersedes someone else's record", () => {
  it("is a conflict for a member: the record stays as it is, and the preview says who can supersede it", async () => {
    const s = await importedByOwner();
    const files = [sqs("We will use SQS."), kafka];
    const preview = await s.member.api.export.importFolder({
      teamId: s.team.id,
      files,
      dryRun: true,
    });
    expect(preview.records.map((r) => [r.fileName, r.status, r.supersedes])).toEqual([
      ["0002-use-kafka.md", "accepted", []],
    ]);
    expect(preview.skipped).toEqual([leftAsItIs(supersedeReason)]);

    const done = await s.member.api.export.importFolder({ teamId: s.team.id, files });
    expect(done.skipped).toEqual(preview.skipped);
    expect(done.records.map((r) => r.fileName)).toEqual(["0002-use-kafka.md"]);
    expect(await statusOf(s.projectId)).toBe("DECIDED");
    expect(await t.db.supersession.count({ where: { predecessorId: s.projectId } })).toBe(0);
    // As record.supersede refuses the same member.
    const successor = await t.db.project.findFirstOrThrow({
      where: { teamId: s.team.id, number: 2 },
      select: { id: true },
    });
    const refused = await trpcError(
      s.member.api.record.supersede({ projectId: s.projectId, successorIds: [successor.id] }),
    );
    expect(refused.code).toBe("FORBIDDEN");
  });

  it("names both refusals when the file has changed as well", async () => {
    const s = await importedByOwner();
    const done = await s.member.api.export.importFolder({
      teamId: s.team.id,
      files: [sqs("We will use SQS until Kafka is ready."), kafka],
    });
    expect(done.skipped).toEqual([
      leftAsItIs(
        "record 1 was imported from this file, which has changed since, and 0002-use-kafka.md says it supersedes it, but only Olivia Owner (who imported it) or a team admin can revise or supersede it: it is left as it is, not superseded. Ask one of them to import these files, or to supersede record 1 in the app.",
      ),
    ]);
    expect(await statusOf(s.projectId)).toBe("DECIDED");
    expect(await stored(s.projectId)).toMatchObject({ revision: 1 });
  });

  it("supersedes the record for a team admin", async () => {
    const s = await importedByOwner();
    const done = await s.admin.api.export.importFolder({
      teamId: s.team.id,
      files: [sqs("We will use SQS."), kafka],
    });
    expect(done.records.map((r) => [r.fileName, r.supersedes])).toEqual([
      ["0002-use-kafka.md", ["0001-use-sqs.md"]],
    ]);
    expect(done.skipped.map((s) => [s.fileName, s.importedAs, s.conflict])).toEqual([
      ["0001-use-sqs.md", 1, undefined],
    ]);
    expect(await statusOf(s.projectId)).toBe("SUPERSEDED");
  });
});
