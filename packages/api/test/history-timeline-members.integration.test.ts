import { addMember, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./helpers";
import { at, castVote, openBlankProject } from "./project-fixtures";

const t = useTestDatabase();
const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

describe("what each point of the history chart rests on", () => {
  it("counts the members of that moment, as the slider does, not today's", async () => {
    const setup = await openBlankProject(t, ["MEMBER", "MEMBER", "VIEWER"]);
    const { team, projectId } = setup;
    const [alice, bob, viewer] = [at(setup.people, 1), at(setup.people, 2), at(setup.people, 3)];
    await castVote(alice, projectId, "ops", { weight: 3, scores: { kafka: 2, sqs: 4 } });
    await castVote(bob, projectId, "ops", { weight: 4, scores: { kafka: 3, sqs: 5 } });
    await pause();
    // Cai joins after those two votes, then votes; Dee joins and never votes.
    const cai = await createUser(t.db, { name: "Cai" });
    await addMember(t.db, team.id, cai.id, "MEMBER");
    const dee = await createUser(t.db, { name: "Dee" });
    await addMember(t.db, team.id, dee.id, "MEMBER");
    await pause();
    await t
      .callerAs(cai)
      .vote.cast({ projectId, criterionKey: "ops", weight: 5, scores: { kafka: 5, sqs: 1 } });

    const timeline = await viewer.api.history.timeline({ projectId });
    expect(timeline.votersFrom).toBe("current");
    // Owner, Alice and Bob were the voting members of the first two points; Cai and Dee too at
    // the third. Today's team (five) is the count of none of the earlier points.
    expect(timeline.points.map((p) => [p.membersThen, p.votersThen])).toEqual([
      [3, 1],
      [3, 2],
      [5, 3],
    ]);
    for (const point of timeline.points) {
      const then = await viewer.api.history.at({ projectId, eventId: point.eventId });
      expect(then.result?.membersThen, point.eventId).toBe(point.membersThen);
      expect(then.result?.participation.eligible).toBe(point.membersThen);
    }
  });
});
