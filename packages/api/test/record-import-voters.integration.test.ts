import { addMember, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { forgetComputedRecommendations } from "../src/services/project/get-recommendation";
import { useTestDatabase } from "./helpers";
import {
  at,
  blankInput,
  castVote,
  exportedText,
  ownerAnd,
  recordDecision,
  teamWith,
} from "./project-fixtures";

const t = useTestDatabase();

/**
 * A decision of three voting members (Olivia Owner, who did not vote, and two members who did),
 * recorded and exported as JSON, then imported by a member of another team of five.
 */
async function importedIntoTeamOfFive(opts: { decide?: boolean } = {}) {
  const source = await teamWith(t, ["MEMBER", "MEMBER"]);
  const { id: projectId } = await source.owner.api.project.create(blankInput(source.team.id));
  await source.owner.api.project.open({ projectId });
  for (const [i, voter] of [at(source.people, 1), at(source.people, 2)].entries()) {
    await castVote(voter, projectId, "ops", { weight: 4, scores: { kafka: 2, sqs: 4 + i } });
    await castVote(voter, projectId, "ordering", { weight: 3, scores: { kafka: 4, sqs: 3 } });
  }

  if (opts.decide !== false) await recordDecision(source.owner, projectId, "sqs", "it is managed.");
  const doc = JSON.parse(
    (await source.owner.api.export.file({ projectId, format: "json" })).content,
  );
  const archive = await ownerAnd(t, { name: "Ivy Importer", role: "MEMBER" }, "Archive");
  for (const name of ["Ann", "Ben", "Cat"]) {
    const user = await createUser(t.db, { name });
    await addMember(t.db, archive.team.id, user.id, "MEMBER");
  }
  const ivy = t.callerAs(archive.other);
  const created = await ivy.export.import({ teamId: archive.team.id, document: doc });
  forgetComputedRecommendations();
  return { source, doc, ivy, projectId: created.id };
}

describe("a project imported from a JSON export rests on the voters in the file", () => {
  it("the project page's recommendation and participation count the file's voters, and say so", async () => {
    const { source, doc, ivy, projectId } = await importedIntoTeamOfFive();
    const rec = await ivy.project.recommendation({ projectId });
    expect(rec.participation).toMatchObject({ complete: 2, partial: 0, none: 1, eligible: 3 });
    expect(rec.votersFrom).toBe("import");
    expect(rec.result?.winner).toBe(doc.result.winner);
    expect(rec.result?.totals.map((x) => x.score)).toEqual(
      doc.result.totals.map((x: { score: number | null }) => x.score),
    );
    const members = await ivy.project.participation({ projectId });
    // The file's two voters by the names it gives them; nobody of the importing team.
    const names = members.members.map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining([at(source.people, 1).name, at(source.people, 2).name]),
    );
    expect(names).not.toContain("Ann");
    expect(names).not.toContain("Ivy Importer");
    expect(members.members.filter((m) => m.ballot === "complete")).toHaveLength(2);
    expect(members.members).toHaveLength(3);
    expect(members.personal.map((p) => p.name).sort()).toEqual(
      [at(source.people, 1).name, at(source.people, 2).name].sort(),
    );
  });

  it("every export format says the result and participation are the file's", async () => {
    const { source, ivy, projectId } = await importedIntoTeamOfFive();
    const text = (format: "madr" | "log4brains" | "nygard" | "pdf") =>
      exportedText(ivy, projectId, format);
    for (const format of ["madr", "log4brains", "nygard", "pdf"] as const) {
      expect(await text(format), format).toMatch(
        /From the imported file: the team recommends SQS by [\d.]+ points/,
      );
    }
    for (const format of ["madr", "log4brains"] as const)
      expect(await text(format), format).toContain(
        "Participation when it was decided (from the imported file): 2 complete, 0 partial and 1 not started, of 3 members.",
      );
    expect(await text("pdf")).toContain(
      "When it was decided (from the imported file): 2 complete, 0 partial and 1 not started, of 3 members.",
    );
    const json = JSON.parse((await ivy.export.file({ projectId, format: "json" })).content);
    expect(json.participation).toMatchObject({
      basis: "import",
      complete: 2,
      none: 1,
      eligible: 3,
    });
    const csv = (await ivy.export.file({ projectId, format: "csv" })).content;
    expect(csv).toContain(at(source.people, 1).name);
    expect(csv).not.toContain("Ann");
    const { view } = await ivy.record.get({ projectId });
    expect(view.participation.basis).toBe("import");
  });

  it("an imported project not yet decided rests on the file until the team opens it for voting", async () => {
    const { ivy, projectId } = await importedIntoTeamOfFive({ decide: false });
    const before = await ivy.project.recommendation({ projectId });
    expect(before.votersFrom).toBe("import");
    expect(before.participation).toMatchObject({ complete: 2, none: 1, eligible: 3 });
    const madr = (await ivy.export.file({ projectId, format: "madr" })).content;
    expect(madr).toContain(
      "Participation (from the imported file): 2 complete, 0 partial and 1 not started, of 3 members.",
    );

    await ivy.project.open({ projectId });
    forgetComputedRecommendations();
    const after = await ivy.project.recommendation({ projectId });
    // Opened here, it is this team's decision: its five voting members, none of whom voted yet.
    expect(after.votersFrom).toBe("current");
    expect(after.participation).toMatchObject({ complete: 0, none: 5, eligible: 5 });
  });
});
