import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./helpers";
import { castVote, votedBlankProject } from "./project-fixtures";

const t = useTestDatabase();

const votedProject = () => votedBlankProject(t);

describe("the recommendation at a moment of a project whose stored data is invalid", () => {
  it("answers without a result and says why when the project cannot be scored", async () => {
    const { projectId, member } = await votedProject();
    // Written around the API, which keeps importances from 0 to 5.
    await t.db.criterion.updateMany({
      where: { projectId, key: "ops" },
      data: { defaultWeight: 9 },
    });
    const moment = await member.api.history.at({ projectId, at: new Date() });
    expect(moment.hidden).toBe(false);
    expect(moment.result).toBeNull();
    expect(moment.unreadable).toMatch(/criteria\[0\]\.defaultWeight: must be a number from 0 to 5/);
    // Where the slider stands is still said.
    expect(moment.lastEvent).not.toBeNull();
  });

  it("leaves out a vote whose stored score cannot be read, says so, and counts the rest", async () => {
    const { projectId, member, other } = await votedProject();
    await castVote(other, projectId, "ops", { weight: 4, scores: { kafka: 5, sqs: 1 } });
    // A score out of range, and scores stored as text that is no JSON.
    await t.db.$executeRaw`UPDATE project_events
      SET data = jsonb_set(data, '{after,scores,kafka}', '9')
      WHERE project_id = ${projectId} AND actor_id = ${other.id}`;
    await t.db.$executeRaw`UPDATE project_events
      SET data = jsonb_set(data, '{after,scores}', to_jsonb('{"kafka": 2,'::text))
      WHERE project_id = ${projectId} AND actor_id = ${member.id} AND criterion_key = 'ops'`;
    const moment = await member.api.history.at({ projectId, at: new Date() });
    expect(moment.unreadable).toBeNull();
    expect(moment.result?.unreadableVotes).toBe(2);
    // Only the member's vote on "ordering" can be read: sqs leads on it.
    expect(moment.result?.winner).toBe("sqs");
    expect(moment.result?.coverage.counted).toBe(1);
  });

  it("says that no vote was left out when every stored vote can be read", async () => {
    const { projectId, member } = await votedProject();
    const moment = await member.api.history.at({ projectId, at: new Date() });
    expect(moment.unreadable).toBeNull();
    expect(moment.result?.unreadableVotes).toBe(0);
    expect(moment.result?.winner).toBe("sqs");
  });
});
