import { addMember, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./helpers";
import { at, castVote, openBlankProject } from "./project-fixtures";

const t = useTestDatabase();

async function openProject() {
  const setup = await openBlankProject(t, ["MEMBER", "MEMBER", "MEMBER", "VIEWER"]);
  const people = setup.people;
  return {
    ...setup,
    // Every edit its own entry, except where a test folds on purpose.
    alice: { ...at(people, 1), api: t.callerAs(at(people, 1), { historyFoldSeconds: 0 }) },
    bob: { ...at(people, 2), api: t.callerAs(at(people, 2), { historyFoldSeconds: 0 }) },
    carol: at(people, 3),
    viewer: at(people, 4),
  };
}

type Viewer = ReturnType<typeof t.callerAs>;

/**
 * The chart as kept, checked point by point against the slider's exact answer (each member's
 * latest vote up to that event, aggregated afresh), and equal to the chart replayed from the
 * first event (its kept points dropped).
 */
async function expectExactChart(viewer: Viewer, projectId: string) {
  const chart = await viewer.history.timeline({ projectId, maxPoints: 2_000 });
  for (const point of chart.points) {
    const moment = await viewer.history.at({ projectId, eventId: point.eventId });
    expect(point.winner).toBe(moment.result?.winner ?? null);
    for (const [o, option] of chart.options.entries()) {
      const total = moment.result?.totals.find((x) => x.optionKey === option.key)?.score ?? null;
      if (total === null) expect(point.totals[o]).toBeNull();
      else expect(point.totals[o]).toBeCloseTo(total, 9);
    }
  }
  const thinned = await viewer.history.timeline({ projectId, maxPoints: 10 });
  await t.db.$executeRaw`DELETE FROM history_timelines WHERE project_id = ${projectId}`;
  await t.db.$executeRaw`DELETE FROM history_timeline_points WHERE project_id = ${projectId}`;
  expect(await viewer.history.timeline({ projectId, maxPoints: 2_000 })).toEqual(chart);
  expect(await viewer.history.timeline({ projectId, maxPoints: 10 })).toEqual(thinned);
  return chart;
}

/** The kept row of the chart's first point: rewritten only when the whole history is replayed. */
async function firstPointRow(projectId: string) {
  const [row] = await t.db.$queryRaw<{ xmin: string }[]>`
    SELECT xmin::text FROM history_timeline_points WHERE project_id = ${projectId} AND position = 0`;
  return row?.xmin;
}

describe("the history chart's kept points", () => {
  it("extend with each vote, a folded edit and a retraction exactly as a replay from the first event", async () => {
    const { alice, bob, carol, viewer, projectId } = await openProject();
    const cast = (
      who: typeof alice,
      criterionKey: string,
      weight: number,
      kafka: number,
      sqs: number,
    ) => castVote(who, projectId, criterionKey, { weight, scores: { kafka, sqs } });
    await cast(alice, "ops", 5, 5, 1);
    await cast(bob, "ops", 4, 1, 5);
    const first = await expectExactChart(viewer.api, projectId);
    expect(first.points).toHaveLength(2);

    await cast(bob, "ordering", 5, 2, 4);
    await cast(alice, "ordering", 3, 4, 4);
    await cast(bob, "ops", 2, 3, 3);
    const kept = await firstPointRow(projectId);
    const extended = await viewer.api.history.timeline({ projectId, maxPoints: 2_000 });
    expect(extended.points).toHaveLength(5);
    expect(await firstPointRow(projectId)).toBe(kept);
    await expectExactChart(viewer.api, projectId);

    // Carol's burst of edits on one criterion is one entry: its point moves with each edit.
    await castVote(carol, projectId, "ops", { weight: 5, scores: { kafka: 5 } });
    const before = await viewer.api.history.timeline({ projectId, maxPoints: 2_000 });
    await castVote(carol, projectId, "ops", { weight: 5, scores: { kafka: 1, sqs: 5 } });
    const folded = await viewer.api.history.timeline({ projectId, maxPoints: 2_000 });
    expect(folded.points).toHaveLength(before.points.length);
    expect(folded.points.at(-1)?.eventId).toBe(before.points.at(-1)?.eventId);
    expect(folded.points.at(-1)?.totals).not.toEqual(before.points.at(-1)?.totals);
    await expectExactChart(viewer.api, projectId);

    await alice.api.vote.retract({ projectId, criterionKey: "ops" });
    await cast(bob, "ordering", 1, 1, 2);
    const after = await expectExactChart(viewer.api, projectId);
    expect(after.voteEventCount).toBe(8);
    expect(after.points).toHaveLength(8);
  }, 60_000);

  it("stay as they are when someone joins, and are replayed when a member who voted leaves or their account is deleted", async () => {
    const { team, owner, alice, bob, viewer, projectId } = await openProject();
    for (let i = 0; i < 6; i++) {
      await castVote(alice, projectId, i % 2 ? "ops" : "ordering", {
        weight: i % 6,
        scores: { kafka: 1 + (i % 5), sqs: 5 - (i % 5) },
      });
      await castVote(bob, projectId, "ops", {
        weight: 5 - (i % 6),
        scores: { kafka: 5 - (i % 5), sqs: 1 + (i % 5) },
      });
    }
    await expectExactChart(viewer.api, projectId);
    await viewer.api.history.timeline({ projectId });
    const kept = await firstPointRow(projectId);

    const newcomer = await createUser(t.db, { name: "Nina Newcomer" });
    await addMember(t.db, team.id, newcomer.id, "MEMBER");
    const joined = await viewer.api.history.timeline({ projectId, maxPoints: 2_000 });
    expect(await firstPointRow(projectId)).toBe(kept);
    await t
      .callerAs(newcomer, { historyFoldSeconds: 0 })
      .vote.cast({ projectId, criterionKey: "ops", weight: 5, scores: { kafka: 5, sqs: 1 } });
    const voted = await viewer.api.history.timeline({ projectId, maxPoints: 2_000 });
    expect(voted.points).toHaveLength(joined.points.length + 1);
    expect(await firstPointRow(projectId)).toBe(kept);
    await expectExactChart(viewer.api, projectId);

    // Bob's votes no longer count anywhere once he has left, in the chart's past too.
    await owner.api.member.remove({ teamId: team.id, userId: bob.id });
    const left = await expectExactChart(viewer.api, projectId);
    expect(left.points).toHaveLength(7);
    expect(left.voteEventCount).toBe(13);

    // With his account deleted, his events name nobody and leave the history's count.
    await viewer.api.history.timeline({ projectId });
    await t.db.user.delete({ where: { id: bob.id } });
    const deleted = await viewer.api.history.timeline({ projectId, maxPoints: 2_000 });
    expect(deleted.voteEventCount).toBe(7);
    expect(deleted.points).toEqual(left.points);
    await expectExactChart(viewer.api, projectId);
  }, 60_000);

  it("thins a long history to the budget with both sides of every change of winner", async () => {
    const { alice, bob, viewer, projectId } = await openProject();
    // Bob's 30 changes of mind on ordering take Kafka's lead away and give it back in turn.
    await castVote(alice, projectId, "ops", { weight: 5, scores: { kafka: 5, sqs: 1 } });
    for (let i = 0; i < 30; i++) {
      await castVote(bob, projectId, "ordering", {
        weight: 5,
        scores: { kafka: 1, sqs: i % 2 ? 5 : 2 },
      });
    }
    const chart = await viewer.api.history.timeline({ projectId, maxPoints: 10 });
    const full = await viewer.api.history.timeline({ projectId, maxPoints: 2_000 });
    expect(full.points).toHaveLength(31);
    expect(chart.points.length).toBeLessThanOrEqual(19);
    expect(chart.points[0]).toEqual(full.points[0]);
    expect(chart.points.at(-1)).toEqual(full.points.at(-1));
    const shown = new Set(chart.points.map((p) => p.eventId));
    const firstChange = full.points.findIndex(
      (p, i) => i > 0 && p.winner !== full.points[i - 1]?.winner,
    );
    expect(firstChange).toBeGreaterThan(0);
    expect(shown.has(full.points[firstChange]?.eventId ?? "")).toBe(true);
    expect(shown.has(full.points[firstChange - 1]?.eventId ?? "")).toBe(true);
    await expectExactChart(viewer.api, projectId);
  }, 60_000);
});
