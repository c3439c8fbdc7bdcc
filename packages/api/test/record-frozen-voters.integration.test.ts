import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "../src/schemas/record";
import { forgetComputedRecommendations } from "../src/services/project/get-recommendation";
import { useTestDatabase } from "./helpers";
import { at, castVote, drfInput, teamWith } from "./project-fixtures";

const t = useTestDatabase();

const pdfText = async (content: string) =>
  (
    await extractText(await getDocumentProxy(new Uint8Array(Buffer.from(content, "base64"))), {
      mergePages: true,
    })
  ).text;

describe("a recorded decision keeps the voters it was recorded with", () => {
  it("reads the same after a voter leaves and another becomes a viewer", async () => {
    // Alice and Bob favour DRF, Carol and Frank FastAPI: the four together recommend FastAPI.
    const setup = await teamWith(t, ["MEMBER", "MEMBER", "MEMBER", "MEMBER"]);
    const { owner, people } = setup;
    const { id: projectId } = await owner.api.project.create(drfInput(setup.team.id));
    await owner.api.project.open({ projectId });
    const project = await owner.api.project.get({ projectId });
    const voters = [at(people, 1), at(people, 2), at(people, 3), at(people, 4)];
    for (const [i, voter] of voters.entries()) {
      const scores = i < 2 ? { drf: 4, fastapi: 3 } : { drf: 1, fastapi: 5 };
      for (const c of project.criteria) {
        await castVote(voter, projectId, c.key, { weight: 3, scores });
      }
    }
    await owner.api.project.close({ projectId });
    const before = await owner.api.project.recommendation({ projectId });
    expect(before.result?.winner).toBe("fastapi");
    await owner.api.record.decide({
      projectId,
      chosenOptionKey: "fastapi",
      rationale: "The team scored it higher.",
      consequences: { good: [], neutral: [], bad: [] },
      decisionMakers: [{ userId: owner.id }],
      // The owner, who organised the decision, did not vote.
      confirmProvisional: true,
    });

    const read = async () => {
      forgetComputedRecommendations();
      const files: Record<string, string> = {};
      for (const format of EXPORT_FORMATS) {
        const file = await owner.api.export.file({ projectId, format });
        // Only the moment of export differs from one export to the next.
        const content = format === "pdf" ? await pdfText(file.content) : file.content;
        files[format] = content.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "(now)"');
      }
      return {
        record: await owner.api.record.get({ projectId }).then((r) => ({
          ...r,
          view: { ...r.view, generatedAt: "(now)" },
        })),
        recommendation: await owner.api.project.recommendation({ projectId }),
        participation: await owner.api.project.participation({ projectId }),
        files,
      };
    };
    const recorded = await read();
    expect(recorded.recommendation.result?.winner).toBe("fastapi");
    expect(recorded.files.csv).toContain(at(people, 4).name);

    // Frank (a FastAPI voter) leaves; Carol (the other) becomes a viewer.
    await owner.api.member.remove({ teamId: setup.team.id, userId: at(people, 4).id });
    await owner.api.member.changeRole({
      teamId: setup.team.id,
      userId: at(people, 3).id,
      role: "VIEWER",
    });
    const after = await read();
    for (const format of EXPORT_FORMATS) {
      expect(after.files[format], format).toBe(recorded.files[format]);
    }
    expect(after.record).toEqual(recorded.record);
    expect(after.recommendation).toEqual(recorded.recommendation);
    expect(after.participation).toEqual(recorded.participation);
  });
});
