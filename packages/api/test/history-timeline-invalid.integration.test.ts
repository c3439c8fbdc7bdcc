import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./helpers";
import {
  at,
  castOnBothCriteria,
  castVote,
  openBlankProject,
  votedBlankProject,
} from "./project-fixtures";

const t = useTestDatabase();

const votedProject = () => votedBlankProject(t);

/** Stored data changed around the API: the chart reads it afresh, as after any other change. */
async function changedAroundTheApi(projectId: string, write: () => Promise<unknown>) {
  await write();
  await t.db.$executeRaw`UPDATE projects SET version = version + 1 WHERE id = ${projectId}`;
}

describe("the history chart of a project whose stored data is invalid", () => {
  it("answers without points and says why when the options or criteria cannot be scored", async () => {
    const { projectId, member } = await votedProject();
    await changedAroundTheApi(projectId, () =>
      // The API refuses more than 30 criteria.
      t.db.criterion.createMany({
        data: Array.from({ length: 31 }, (_, i) => ({
          projectId,
          key: `extra${i}`,
          name: `Extra ${i}`,
          defaultWeight: 3,
          position: 10 + i,
        })),
      }),
    );
    const chart = await member.api.history.timeline({ projectId, maxPoints: 100 });
    expect(chart.points).toEqual([]);
    expect(chart.unreadable).toMatch(/criteria: must have 1 to 30 items, got 33/);
    // What the history holds is still said: two vote changes, from the first to the last.
    expect(chart.voteEventCount).toBe(2);
    expect(chart.from).not.toBeNull();
  });

  it("leaves out a vote change whose stored importance or score cannot be read, and charts the rest", async () => {
    const { projectId, member, other } = await votedProject();
    await castVote(other, projectId, "ops", { weight: 4, scores: { kafka: 5, sqs: 1 } });
    const [first] = await t.db.projectEvent.findMany({
      where: { projectId, type: "vote.cast" },
      orderBy: { id: "asc" },
      take: 1,
      select: { id: true },
    });
    await changedAroundTheApi(projectId, async () => {
      await t.db.$executeRaw`UPDATE project_events
        SET data = jsonb_set(data, '{after,weight}', '"high"') WHERE id = ${first?.id}`;
      await t.db.$executeRaw`UPDATE project_events
        SET data = jsonb_set(data, '{after,scores,kafka}', '9')
        WHERE project_id = ${projectId} AND actor_id = ${other.id}`;
    });
    const chart = await member.api.history.timeline({ projectId, maxPoints: 100 });
    expect(chart.unreadable).toBeNull();
    expect(chart.voteEventCount).toBe(3);
    // Only the member's vote on "ordering" can be read: sqs leads on it. Each vote that cannot
    // be read has its point, as the slider shows that moment: without it, and saying so.
    expect(chart.points.map((p) => [p.winner, p.unreadableVotes])).toEqual([
      [null, 1],
      ["sqs", 1],
      ["sqs", 2],
    ]);
  });

  it("says at each point how many of the votes of then it leaves out because they cannot be read, as the slider does", async () => {
    const setup = await openBlankProject(t, ["MEMBER", "MEMBER"]);
    const [member, other] = [at(setup.people, 1), at(setup.people, 2)];
    const { projectId } = setup;
    await castVote(other, projectId, "ops", { weight: 4, scores: { kafka: 5, sqs: 1 } });
    // The other member's scores become text that is no JSON, in their vote and its history entry.
    await changedAroundTheApi(projectId, async () => {
      await t.db.$executeRaw`UPDATE votes SET scores = to_jsonb('{"kafka": 5,'::text)
        WHERE project_id = ${projectId} AND user_id = ${other.id}`;
      await t.db.$executeRaw`UPDATE project_events
        SET data = jsonb_set(data, '{after,scores}', to_jsonb('{"kafka": 5,'::text))
        WHERE project_id = ${projectId} AND actor_id = ${other.id}`;
    });
    await castOnBothCriteria(member, projectId, { weight: 3, scores: { kafka: 2, sqs: 5 } });
    const chart = await member.api.history.timeline({ projectId, maxPoints: 100 });
    // Every point from the unreadable vote on rests without it, and says so.
    expect(chart.points.map((p) => [p.winner, p.unreadableVotes])).toEqual([
      [null, 1],
      ["sqs", 1],
      ["sqs", 1],
    ]);
    const last = chart.points.at(-1);
    const moment = await member.api.history.at({ projectId, eventId: last?.eventId });
    expect(moment.result?.unreadableVotes).toBe(last?.unreadableVotes);
    expect(moment.result?.winner).toBe(last?.winner);
    const rec = await member.api.project.recommendation({ projectId });
    expect(rec.unreadableVotes).toBe(1);

    // A readable vote of the other member replaces the unreadable one: from then on, nothing is
    // left out, and the points before still say what they left out.
    await castVote(other, projectId, "ops", { weight: 4, scores: { kafka: 5, sqs: 1 } });
    const later = await member.api.history.timeline({ projectId, maxPoints: 100 });
    expect(later.points.map((p) => p.unreadableVotes)).toEqual([1, 1, 1, 0]);
  });

  it("reads a score stored as a string as the recommendation and the slider do: as no score", async () => {
    const setup = await openBlankProject(t, ["MEMBER", "MEMBER"]);
    const [member, other] = [at(setup.people, 1), at(setup.people, 2)];
    const { projectId } = setup;
    await castOnBothCriteria(member, projectId, { weight: 3, scores: { kafka: 2, sqs: 5 } });
    await castVote(other, projectId, "ops", { weight: 5, scores: { kafka: 5, sqs: 1 } });
    // The other member's score for kafka becomes the text "5", in their vote and its history entry.
    await changedAroundTheApi(projectId, async () => {
      await t.db.$executeRaw`UPDATE votes SET scores = jsonb_set(scores, '{kafka}', '"5"')
        WHERE project_id = ${projectId} AND user_id = ${other.id}`;
      await t.db.$executeRaw`UPDATE project_events
        SET data = jsonb_set(data, '{after,scores,kafka}', '"5"')
        WHERE project_id = ${projectId} AND actor_id = ${other.id}`;
    });
    const chart = await member.api.history.timeline({ projectId, maxPoints: 100 });
    const last = chart.points.at(-1);
    const moment = await member.api.history.at({ projectId, eventId: last?.eventId });
    const rec = await member.api.project.recommendation({ projectId });
    const totalsOf = (result: { totals: { optionKey: string; score: number | null }[] } | null) =>
      ["kafka", "sqs"].map((key) => result?.totals.find((o) => o.optionKey === key)?.score ?? null);
    expect(totalsOf(moment.result)).toEqual(totalsOf(rec.result));
    expect(last?.totals).toHaveLength(2);
    last?.totals.forEach((total, i) => {
      const expected = totalsOf(rec.result)[i] ?? null;
      if (expected === null) expect(total).toBeNull();
      else expect(total).toBeCloseTo(expected, 9);
    });
  });

  it("replays the whole history when the kept state of the chart cannot be read back", async () => {
    const { projectId, member } = await votedProject();
    const before = await member.api.history.timeline({ projectId, maxPoints: 100 });
    expect(before.points).toHaveLength(2);
    await t.db.$executeRaw`UPDATE history_timelines SET state = '{"not": "a list"}'
      WHERE project_id = ${projectId}`;
    await castVote(member, projectId, "ops", { weight: 5, scores: { kafka: 5, sqs: 1 } });
    const after = await member.api.history.timeline({ projectId, maxPoints: 100 });
    expect(after.unreadable).toBeNull();
    expect(after.points).toHaveLength(3);
    expect(after.points.at(-1)?.winner).toBe("kafka");
  });
});
