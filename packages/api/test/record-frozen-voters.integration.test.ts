import { addMember, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "../src/schemas/record";
import { forgetComputedRecommendations } from "../src/services/project/get-recommendation";
import { useTestDatabase } from "./helpers";
import {
  at,
  blankInput,
  castVote,
  drfInput,
  readableText,
  recordDecision,
  teamWith,
} from "./project-fixtures";

const t = useTestDatabase();

/**
 * The DRF project of a team of the owner and four members, closed after the four voted on every
 * criterion: Alice and Bob favour DRF, Carol and Frank FastAPI, and the four together recommend
 * FastAPI. The owner, who organised the decision, did not vote.
 */
async function closedAfterFourVoted() {
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
  return { ...setup, teamId: setup.team.id, projectId };
}

describe("a recorded decision keeps the voters it was recorded with", () => {
  it("reads the same after a voter leaves and another becomes a viewer", async () => {
    const setup = await closedAfterFourVoted();
    const { owner, people, projectId } = setup;
    const before = await owner.api.project.recommendation({ projectId });
    expect(before.result?.winner).toBe("fastapi");
    await recordDecision(owner, projectId, "fastapi", "The team scored it higher.");

    const read = async () => {
      forgetComputedRecommendations();
      const files: Record<string, string> = {};
      for (const format of EXPORT_FORMATS) {
        const file = await owner.api.export.file({ projectId, format });
        // Only the moment of export differs from one export to the next.
        const content = await readableText(format, file.content);
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
    await owner.api.member.remove({ teamId: setup.teamId, userId: at(people, 4).id });
    await owner.api.member.changeRole({
      teamId: setup.teamId,
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

  it("shows the recorded result and its voters on the team dashboard after voters leave", async () => {
    const { owner, people, teamId, projectId } = await closedAfterFourVoted();
    await recordDecision(owner, projectId, "fastapi", "The team scored it higher.");
    const row = async () => {
      const dashboard = await owner.api.dashboard.get({ teamId });
      const found = dashboard.projects.find((p) => p.id === projectId);
      if (!found) throw new Error("The decision is missing from the dashboard.");
      return found;
    };
    const recorded = await row();
    // The owner did not vote: four of the five voting members did.
    expect(recorded).toMatchObject({ voters: 4, eligible: 5 });
    expect(recorded.leader).toMatchObject({
      optionKey: "fastapi",
      participation: { complete: 4, eligible: 5 },
    });

    // Carol and Frank (the FastAPI voters) leave the team; a newcomer joins after the decision.
    for (const person of [at(people, 3), at(people, 4)]) {
      await owner.api.member.remove({ teamId, userId: person.id });
    }
    const newcomer = await createUser(t.db, { name: "Nina Newcomer" });
    await addMember(t.db, teamId, newcomer.id, "MEMBER");
    const recommendation = await owner.api.project.recommendation({ projectId });
    const after = await row();
    expect(after.leader?.optionKey).toBe(recommendation.result?.winner);
    expect(after.leader?.optionKey).toBe("fastapi");
    expect(after).toEqual(recorded);
    const fastapiTotal = recommendation.result?.totals.find((x) => x.optionKey === "fastapi");
    expect(after.leader?.score).toBe(fastapiTotal?.score);

    // Superseded, it still counts the voters it was recorded with.
    const successor = await owner.api.project.create(blankInput(teamId, { title: "Successor" }));
    await owner.api.record.supersede({ projectId, successorIds: [successor.id] });
    expect(await row()).toMatchObject({ status: "SUPERSEDED", voters: 4, eligible: 5 });
  });
});
