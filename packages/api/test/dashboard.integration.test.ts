import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./helpers";
import {
  allPreferSqs,
  at,
  blankInput,
  castVote,
  openProject,
  SQS_AHEAD,
  teamWith,
} from "./project-fixtures";

const t = useTestDatabase();

describe("the team dashboard", () => {
  it("lists projects with their leader, my pending votes, deadlines and recent activity", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER", "VIEWER"]);
    const member = at(people, 1);
    const viewer = at(people, 2);
    const soon = new Date(Date.now() + 86_400_000);
    const voting = await owner.api.project.create(
      // A quorum of one complete ballot: the member's makes its result ready.
      blankInput(team.id, { title: "Voting", deadline: soon, quorum: 1 }),
    );
    const blind = await owner.api.project.create(
      blankInput(team.id, { title: "Blind", votingMode: "BLIND" }),
    );
    await owner.api.project.create(blankInput(team.id, { title: "Draft" }));
    await owner.api.project.open({ projectId: voting.id });
    await owner.api.project.open({ projectId: blind.id });
    await allPreferSqs([member], voting.id);
    // Only one criterion of "Partial" is scored: its leader rests on half of the decision.
    const partial = await openProject(owner, blankInput(team.id, { title: "Partial" }));
    await castVote(member, partial, "ops", SQS_AHEAD);
    await member.api.vote.cast({
      projectId: blind.id,
      criterionKey: "ops",
      weight: 4,
      scores: { kafka: 5 },
    });

    const mine = await member.api.dashboard.get({ teamId: team.id });
    const byTitle = Object.fromEntries(mine.projects.map((p) => [p.title, p]));
    expect(byTitle.Voting).toMatchObject({
      status: "OPEN",
      leader: {
        optionKey: "sqs",
        name: "SQS",
        status: "ready",
        coverage: { counted: 2, total: 2 },
        participation: { complete: 1, partial: 0, none: 1, eligible: 2 },
      },
    });
    expect(byTitle.Partial).toMatchObject({
      leader: {
        optionKey: "sqs",
        status: "provisional",
        // The counted criterion carries importance 4 of 4 + 3 (the default stands for the other).
        coverage: { counted: 1, total: 2, weightShare: expect.closeTo(4 / 7, 6) },
        participation: { complete: 0, partial: 1, none: 1, eligible: 2 },
      },
    });
    expect(byTitle.Blind?.leader).toBeNull();
    expect(byTitle.Draft).toMatchObject({ status: "DRAFT", leader: null });
    // The member finished "Voting" but not "Blind"; the owner has voted on neither.
    expect(mine.pendingVotes.map((p) => p.title).sort()).toEqual(["Blind", "Partial"]);
    const owners = await owner.api.dashboard.get({ teamId: team.id });
    expect(owners.pendingVotes.map((p) => p.title).sort()).toEqual(["Blind", "Partial", "Voting"]);
    expect(owners.deadlines.map((p) => p.title)).toEqual(["Voting"]);
    expect(owners.recentActivity[0]).toMatchObject({ type: "vote.cast", actorName: member.name });
    // Viewers do not vote, so nothing is pending for them.
    expect((await viewer.api.dashboard.get({ teamId: team.id })).pendingVotes).toEqual([]);

    const other = await teamWith(t);
    const theirs = await other.owner.api.dashboard.get({ teamId: other.team.id });
    expect(theirs.projects).toEqual([]);
    expect(theirs.recentActivity).toEqual([]);
  });

  it("keeps the sample decision's fictional votes out of recent activity; the sample is listed as one", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER"]);
    const member = at(people, 1);
    const real = await openProject(owner, blankInput(team.id, { title: "Real" }));
    await castVote(member, real, "ops", SQS_AHEAD);
    const sample = await owner.api.project.createSample({ teamId: team.id });
    const { criteria } = await owner.api.project.get({ projectId: sample.id });
    await owner.api.vote.cast({
      projectId: sample.id,
      criterionKey: criteria[0]?.key ?? "",
      weight: 3,
      scores: { drf: 3, fastapi: 4 },
    });
    const dashboard = await owner.api.dashboard.get({ teamId: team.id });
    expect(dashboard.projects.find((p) => p.id === sample.id)).toMatchObject({ isSample: true });
    expect(dashboard.recentActivity.map((e) => e.project.id)).not.toContain(sample.id);
    expect(dashboard.recentActivity.map((e) => e.actorName)).not.toContainEqual(
      expect.stringContaining("(sample)"),
    );
    expect(dashboard.recentActivity[0]).toMatchObject({
      type: "vote.cast",
      actorName: member.name,
      project: { id: real },
    });
  });
});
