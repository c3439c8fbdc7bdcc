import { aggregate, type DecisionInput } from "@tradeoff/scoring";
import { describe, expect, it } from "vitest";
import { sendDeadlineReminder } from "../src/services/reminder/deadline-reminders";
import { useTestDatabase } from "./helpers";
import {
  at,
  blankInput,
  castOnBothCriteria,
  castVote,
  openProject,
  teamWith,
} from "./project-fixtures";

const t = useTestDatabase();

/** Each member's ballot as the recommendation's own participation counts it, on stored votes. */
async function scoringStates(projectId: string, memberIds: string[]) {
  const project = await t.db.project.findUniqueOrThrow({
    where: { id: projectId },
    include: { options: true, criteria: true, votes: { include: { criterion: true } } },
  });
  const states = new Map<string, "complete" | "partial" | "none">();
  for (const id of memberIds) {
    const input: DecisionInput = {
      options: project.options.map(({ key }) => ({ key })),
      criteria: project.criteria.map(({ key, defaultWeight }) => ({ key, defaultWeight })),
      members: [id],
      votes: project.votes
        .filter((v) => v.userId === id)
        .map((v) => ({
          voterId: v.userId,
          criterionKey: v.criterion.key,
          weight: v.weight,
          scores: v.scores as Record<string, number | null>,
          ...(v.noOpinion ? { noOpinion: true } : {}),
        })),
    };
    const { participation: p } = aggregate(input, { resamples: 0 });
    states.set(id, p.complete === 1 ? "complete" : p.partial === 1 ? "partial" : "none");
  }
  return states;
}

describe("a complete ballot means the same everywhere", () => {
  it("counts importances alone, partial scores, no opinion and empty rows as the recommendation does", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER", "MEMBER", "MEMBER", "MEMBER"]);
    const [bob, carol, dave, erin] = [at(people, 1), at(people, 2), at(people, 3), at(people, 4)];
    const deadline = new Date(Date.now() + 2 * 3_600_000);
    const projectId = await openProject(owner, blankInput(team.id, { quorum: 3, deadline }));

    // Complete: every option scored on both criteria.
    await castOnBothCriteria(owner, projectId, { weight: 4, scores: { kafka: 2, sqs: 5 } });
    // Importances only, as the voting panel saves them: partial, no criterion finished.
    await castOnBothCriteria(bob, projectId, { weight: 5, scores: {} });
    // Complete: scored where they have a view, "no opinion" on the other.
    await castVote(carol, projectId, "ops", { weight: 2, scores: { kafka: 3, sqs: 3 } });
    await castVote(carol, projectId, "ordering", { weight: null, scores: {}, noOpinion: true });
    // Partial: one option left unscored on one criterion.
    await castVote(dave, projectId, "ops", { weight: 3, scores: { kafka: 4 } });
    await castVote(dave, projectId, "ordering", { weight: 3, scores: { kafka: 4, sqs: 1 } });
    // Erin saved an empty row: she has not started.
    await castVote(erin, projectId, "ops", { weight: null, scores: {} });

    const voters = [owner, bob, carol, dave, erin];
    const expected = await scoringStates(
      projectId,
      voters.map((v) => v.id),
    );
    expect(expected).toEqual(
      new Map([
        [owner.id, "complete"],
        [bob.id, "partial"],
        [carol.id, "complete"],
        [dave.id, "partial"],
        [erin.id, "none"],
      ]),
    );
    const incomplete = voters.filter((v) => expected.get(v.id) !== "complete");

    // The project page's participation.
    const rec = await owner.api.project.recommendation({ projectId });
    expect(rec.participation).toMatchObject({ complete: 2, partial: 2, none: 1, quorumMet: false });
    const members = await owner.api.project.participation({ projectId });
    expect(new Map(members.members.map((m) => [m.id, m.ballot]))).toEqual(expected);

    // "Waiting on": the same ballots, with the same state and criteria finished.
    const waiting = await owner.api.project.waitingOn({ projectId });
    expect(waiting.complete).toBe(rec.participation.complete);
    expect(
      waiting.waiting.map(({ userId, state, answered }) => ({ userId, state, answered })),
    ).toEqual([
      { userId: bob.id, state: "partial", answered: 0 },
      { userId: dave.id, state: "partial", answered: 1 },
      { userId: erin.id, state: "not-started", answered: 0 },
    ]);

    // Nudges reach exactly the incomplete ballots.
    const nudged = await owner.api.project.nudge({ projectId });
    expect(nudged.nudged.map((n) => n.userId).sort()).toEqual(incomplete.map((v) => v.id).sort());

    // The deadline reminder tells exactly the incomplete ballots.
    const { told } = await sendDeadlineReminder(t.db, {
      id: `ballot-complete-${projectId}`,
      data: { projectId, round: 1, deadline: deadline.toISOString(), hoursLeft: 1 },
    });
    expect(told).toBe(incomplete.length);
    const reminded = await t.db.notification.findMany({
      where: { projectId, kind: "deadline.near" },
      select: { userId: true },
    });
    expect(reminded.map((r) => r.userId).sort()).toEqual(incomplete.map((v) => v.id).sort());

    // Each member's dashboard lists the decision as waiting for their vote exactly when the
    // project page counts their ballot as not complete.
    for (const voter of voters) {
      const dashboard = await voter.api.dashboard.get({ teamId: team.id });
      const pending = dashboard.pendingVotes.map((p) => p.id);
      expect({ name: voter.name, pending: pending.includes(projectId) }).toEqual({
        name: voter.name,
        pending: expected.get(voter.id) !== "complete",
      });
    }
    const bobs = await bob.api.dashboard.get({ teamId: team.id });
    expect(bobs.pendingVotes[0]).toMatchObject({ myBallot: "partial", myDoneCriteria: 0 });
  });
});
