import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./helpers";
import {
  at,
  castOnBothCriteria,
  openBlankProject,
  recordDecision,
  twoVotersOnBlankProject,
} from "./project-fixtures";

const t = useTestDatabase();

/**
 * Two members vote; the second one's scores are then written around the API as text that is no
 * JSON, so that vote cannot be read. The first member's votes alone make sqs lead.
 */
async function withUnreadableVote() {
  const voted = await twoVotersOnBlankProject(t);
  await voted.unreadable();
  return voted;
}

describe("the recommendation of a project with a stored vote that cannot be read", () => {
  it("leaves the vote out, says so, and counts the rest", async () => {
    const { setup, member, other, projectId } = await withUnreadableVote();
    const rec = await member.api.project.recommendation({ projectId });
    expect(rec.unreadableVotes).toBe(1);
    // The member's votes alone: sqs leads on both criteria.
    expect(rec.result?.winner).toBe("sqs");
    expect(rec.participation.complete).toBe(1);
    // An export of the same result says so where it says what the result rests on.
    const madr = (await member.api.export.file({ projectId, format: "madr" })).content;
    expect(madr).toMatch(/based on [^\n]* 1 vote could not be read and is left out\./);
    const json = JSON.parse((await member.api.export.file({ projectId, format: "json" })).content);
    expect(json.unreadableVotes).toBe(1);
    // Who the decision waits on counts the same ballots: the other member's unreadable vote
    // finishes nothing, so they are still waited on.
    const waiting = await member.api.project.waitingOn({ projectId });
    expect(JSON.stringify(waiting)).toContain(other.id);
    expect(JSON.stringify(waiting)).not.toContain(member.id);
    // The team's dashboard reads the same votes: the other member still has a ballot to finish.
    const dashboard = await other.api.dashboard.get({ teamId: setup.team.id });
    expect(JSON.stringify(dashboard)).toContain(projectId);
  });

  it("says how many votes it leaves out on the dashboard's leader, the record and its share link", async () => {
    const { setup, member, projectId } = await withUnreadableVote();
    const leaderOf = async () => {
      const dashboard = await member.api.dashboard.get({ teamId: setup.team.id });
      return dashboard.projects.find((p) => p.id === projectId)?.leader;
    };
    expect(await leaderOf()).toMatchObject({ optionKey: "sqs", unreadableVotes: 1 });

    await recordDecision(setup.owner, projectId, "sqs", "It leads.");
    const { view } = await member.api.record.get({ projectId });
    expect(view.decision?.coverage).not.toBeNull();
    expect(view.unreadableVotes).toBe(1);
    const link = await setup.owner.api.share.create({ projectId });
    const shared = await t.callerAs(null).share.view({ token: link.token });
    expect(shared.unreadableVotes).toBe(1);
    // A recorded decision is still listed with its result and what that leaves out.
    expect(await leaderOf()).toMatchObject({ optionKey: "sqs", unreadableVotes: 1 });
  });

  it("says that no vote was left out when every stored vote can be read", async () => {
    const setup = await openBlankProject(t, ["MEMBER"]);
    const member = at(setup.people, 1);
    await castOnBothCriteria(member, setup.projectId, { weight: 3, scores: { kafka: 2, sqs: 5 } });
    const rec = await member.api.project.recommendation({ projectId: setup.projectId });
    expect(rec.unreadableVotes).toBe(0);
    expect(rec.result?.winner).toBe("sqs");
    const dashboard = await member.api.dashboard.get({ teamId: setup.team.id });
    const row = dashboard.projects.find((p) => p.id === setup.projectId);
    expect(row?.leader?.unreadableVotes).toBe(0);
  });
});
