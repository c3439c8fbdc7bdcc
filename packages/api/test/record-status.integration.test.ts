import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { trpcError, useTestDatabase } from "./helpers";
import { blankInput, teamWith } from "./project-fixtures";

const t = useTestDatabase();

type Api = Awaited<ReturnType<typeof teamWith>>["owner"]["api"];

const madrFile = (name: string, status: string, title: string, tags = "") => {
  const text = `---\nstatus: ${status}\ndate: 2024-05-02\n${tags ? `tags: [${tags}]\n` : ""}---\n\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n\n## Decision Outcome\n\nChosen option: "A", because it works.\n`;
  return { name, size: Buffer.byteLength(text), content: Buffer.from(text).toString("base64") };
};

/** One project of each record status, and tags on some. */
async function teamOfEveryStatus() {
  const setup = await teamWith(t, ["MEMBER", "VIEWER"]);
  const api: Api = setup.owner.api;
  const teamId = setup.team.id;
  const create = (title: string) =>
    api.project.create(blankInput(teamId, { title })).then((p) => p.id);
  const decide = (projectId: string) =>
    api.record.decide({
      projectId,
      chosenOptionKey: "sqs",
      rationale: "it is managed.",
      confirmProvisional: true,
    });
  const proposed = await create("Still being voted on");
  await api.project.open({ projectId: proposed });
  const accepted = await create("Queue for billing");
  await api.project.open({ projectId: accepted });
  await decide(accepted);
  const rejected = await create("A proposal nobody wanted");
  await api.project.open({ projectId: rejected });
  await api.project.archive({ projectId: rejected });
  const deprecated = await create("An old choice");
  await api.project.open({ projectId: deprecated });
  await decide(deprecated);
  await api.project.archive({ projectId: deprecated });
  const successor = await create("The new choice");
  await api.project.open({ projectId: successor });
  await decide(successor);
  await api.record.supersede({ projectId: accepted, successorIds: [successor] });
  await api.tag.set({ projectId: successor, tags: ["billing", "queues"] });
  await api.tag.set({ projectId: deprecated, tags: ["billing"] });
  return {
    ...setup,
    api,
    teamId,
    ids: { proposed, accepted, rejected, deprecated, successor },
  };
}

describe("record statuses and tags in the project list", () => {
  it("names each project's record status and filters by it", async () => {
    const { api, teamId, ids } = await teamOfEveryStatus();
    const all = (await api.project.list({ teamId })).items;
    const statusOf = new Map(all.map((p) => [p.id, p.recordStatus]));
    expect(statusOf.get(ids.proposed)).toBe("proposed");
    expect(statusOf.get(ids.accepted)).toBe("superseded");
    expect(statusOf.get(ids.rejected)).toBe("rejected");
    expect(statusOf.get(ids.deprecated)).toBe("deprecated");
    expect(statusOf.get(ids.successor)).toBe("accepted");

    const titles = async (recordStatus: "proposed" | "accepted" | "rejected" | "deprecated") =>
      (await api.project.list({ teamId, recordStatus })).items.map((p) => p.title);
    expect(await titles("rejected")).toEqual(["A proposal nobody wanted"]);
    expect(await titles("deprecated")).toEqual(["An old choice"]);
    expect(await titles("accepted")).toEqual(["The new choice"]);
    expect(await titles("proposed")).toEqual(["Still being voted on"]);
  });

  it("returns each project's tags and filters by one, with the search and status", async () => {
    const { api, teamId, ids } = await teamOfEveryStatus();
    const tagged = (await api.project.list({ teamId, tag: "billing" })).items;
    expect(tagged.map((p) => p.id)).toEqual([ids.successor, ids.deprecated]);
    expect(tagged[0]?.tags).toEqual(["billing", "queues"]);
    expect((await api.project.list({ teamId, tag: "queues" })).items.map((p) => p.id)).toEqual([
      ids.successor,
    ]);
    expect((await api.project.list({ teamId, tag: "BILLING", q: "old" })).items).toHaveLength(1);
    expect(
      (await api.project.list({ teamId, tag: "billing", recordStatus: "accepted" })).items,
    ).toEqual([expect.objectContaining({ id: ids.successor })]);
    expect((await api.project.list({ teamId, tag: "nothing-here" })).items).toEqual([]);
    const error = await trpcError(api.project.list({ teamId, tag: "not a tag!" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("A tag is lower-case letters, digits and dashes");
  });
});

describe("record statuses in every export", () => {
  it("writes rejected and deprecated in MADR, log4brains, Nygard and JSON, with tags", async () => {
    const { api, ids } = await teamOfEveryStatus();
    for (const [id, word] of [
      [ids.rejected, "rejected"],
      [ids.deprecated, "deprecated"],
    ] as const) {
      const madr = (await api.export.file({ projectId: id, format: "madr" })).content;
      expect(parseYaml(madr.split("---\n")[1] ?? "").status).toBe(word);
      const log4brains = (await api.export.file({ projectId: id, format: "log4brains" })).content;
      expect(log4brains).toContain(`- Status: ${word}`);
      const nygard = (await api.export.file({ projectId: id, format: "nygard" })).content;
      expect(nygard).toMatch(new RegExp(`## Status\\n\\n${word}\\n`, "i"));
      const json = JSON.parse((await api.export.file({ projectId: id, format: "json" })).content);
      expect(json.recordStatus).toBe(word);
    }
    const json = JSON.parse(
      (await api.export.file({ projectId: ids.successor, format: "json" })).content,
    );
    expect(json.project.tags).toEqual(["billing", "queues"]);
    expect(json.recordStatus).toBe("accepted");
    const madr = (await api.export.file({ projectId: ids.successor, format: "madr" })).content;
    expect(parseYaml(madr.split("---\n")[1] ?? "").tags).toEqual(["billing", "queues"]);
  });

  it("a JSON export of a deprecated, tagged record imports archived with its tags", async () => {
    const { api, ids } = await teamOfEveryStatus();
    const other = await teamWith(t);
    const file = await api.export.file({ projectId: ids.deprecated, format: "json" });
    const document = JSON.parse(file.content);
    const created = await other.owner.api.export.import({ teamId: other.team.id, document });
    const [listed] = (await other.owner.api.project.list({ teamId: other.team.id })).items;
    expect(listed).toMatchObject({
      id: created.id,
      status: "ARCHIVED",
      recordStatus: "deprecated",
      tags: ["billing"],
    });
  });
});

describe("record statuses read back by the folder import", () => {
  it("a rejected or deprecated file imports as such, and is written back so", async () => {
    const setup = await teamWith(t);
    const api: Api = setup.owner.api;
    const teamId = setup.team.id;
    await api.export.importFolder({
      teamId,
      files: [
        madrFile("0001-use-a-wiki.md", "rejected", "Use a wiki", "docs"),
        madrFile("0002-use-xml.md", "deprecated", "Use XML"),
        madrFile("0003-use-json.md", "proposed", "Use JSON"),
      ],
    });
    const listed = (await api.project.list({ teamId })).items;
    expect(listed.map((p) => [p.title, p.recordStatus, p.tags])).toEqual([
      ["Use JSON", "proposed", []],
      ["Use XML", "deprecated", []],
      ["Use a wiki", "rejected", ["docs"]],
    ]);
    const folder = await api.export.folder({ teamId, format: "madr" });
    const index = folder.files.find((f) => f.name === "README.md")?.content ?? "";
    expect(index).toContain("| rejected |");
    expect(index).toContain("| deprecated |");
    expect(index).toContain("| proposed |");

    // An imported accepted record archived here is deprecated from then on.
    const accepted = await teamWith(t);
    await accepted.owner.api.export.importFolder({
      teamId: accepted.team.id,
      files: [madrFile("0001-use-go.md", "accepted", "Use Go")],
    });
    const [project] = (await accepted.owner.api.project.list({ teamId: accepted.team.id })).items;
    await accepted.owner.api.project.archive({ projectId: project?.id ?? "" });
    const madr = await accepted.owner.api.export.file({
      projectId: project?.id ?? "",
      format: "madr",
    });
    expect(parseYaml(madr.content.split("---\n")[1] ?? "").status).toBe("deprecated");
    const [after] = (await accepted.owner.api.project.list({ teamId: accepted.team.id })).items;
    expect(after?.recordStatus).toBe("deprecated");
  });
});
