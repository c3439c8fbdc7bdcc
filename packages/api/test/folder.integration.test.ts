import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { INDEX_MARKER } from "../src/services/folder/folder";
import { trpcError, useTestDatabase } from "./helpers";
import { blankInput, teamWith } from "./project-fixtures";

const t = useTestDatabase();

type Api = Awaited<ReturnType<typeof teamWith>>["owner"]["api"];

/** Three recorded decisions: the first superseded by the second and the third, the second by the third. */
async function teamWithChain() {
  const setup = await teamWith(t, ["MEMBER"]);
  const api = setup.owner.api;
  const decide = async (title: string, rationale: string) => {
    const { id: projectId } = await api.project.create(blankInput(setup.team.id, { title }));
    await api.project.open({ projectId });
    await api.record.decide({
      projectId,
      chosenOptionKey: "sqs",
      rationale,
      consequences: { good: ["Nothing to run."], neutral: [], bad: ["Vendor lock-in."] },
      decisionMakers: [{ userId: setup.owner.id }],
      consulted: [{ name: "José Núñez" }],
      justification: "nobody has voted yet; the team agreed in the meeting.",
      confirmProvisional: true,
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
      `- Status: superseded by [3. Mid-size queue](${day}-mid-size-queue.md)\n`,
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
