import { addMember, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";
import { at, castVote, openBlankProject } from "./project-fixtures";

const t = useTestDatabase();

async function openProject(overrides: Record<string, unknown> = {}) {
  const setup = await openBlankProject(t, ["MEMBER", "MEMBER", "VIEWER"], overrides);
  return {
    ...setup,
    alice: at(setup.people, 1),
    bob: at(setup.people, 2),
    viewer: at(setup.people, 3),
  };
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

describe("history list", () => {
  it("lists every change newest first, filtered by member and criterion, one page at a time", async () => {
    const { alice, bob, viewer, projectId } = await openProject();
    await castVote(alice, projectId, "ops", { weight: 2, scores: {} });
    await castVote(bob, projectId, "ordering", { weight: 5, scores: {} });
    await castVote(alice, projectId, "ordering", { weight: 3, scores: {} });

    const all = await viewer.api.history.list({ projectId, limit: 100 });
    const types = all.items.map((e) => e.type);
    expect(types.slice(0, 4)).toEqual(["vote.cast", "vote.cast", "vote.cast", "status.changed"]);
    expect(types.at(-1)).toBe("project.created");
    const ids = all.items.map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);

    const byAlice = await viewer.api.history.list({ projectId, actorId: alice.id });
    expect(byAlice.items.map((e) => e.criterionKey)).toEqual(["ordering", "ops"]);
    const onOrdering = await viewer.api.history.list({ projectId, criterionKey: "ordering" });
    expect(onOrdering.items.map((e) => e.actor?.id)).toEqual([alice.id, bob.id]);

    const first = await viewer.api.history.list({ projectId, limit: 2 });
    const second = await viewer.api.history.list({ projectId, limit: 2, cursor: first.nextCursor });
    expect(first.items).toHaveLength(2);
    expect(second.items.map((e) => e.id)).toEqual(all.items.slice(2, 4).map((e) => e.id));
    const last = await viewer.api.history.list({ projectId, limit: 100, cursor: all.items[0]?.id });
    expect(last.nextCursor).toBeNull();
  });

  it("refuses an event id past the largest 64-bit integer as bad input, not a server failure", async () => {
    const { viewer, projectId } = await openProject();
    const huge = "9999999999999999999";
    for (const call of [
      () => viewer.api.history.list({ projectId, cursor: huge }),
      () => viewer.api.history.at({ projectId, eventId: huge }),
    ]) {
      const error = await trpcError(call());
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).not.toMatch(/bigint|out of range|prisma|sql/i);
    }
    // The largest id there can be is a valid cursor: nothing lies beyond it.
    const page = await viewer.api.history.list({ projectId, cursor: "9223372036854775807" });
    expect(page.items.length).toBeGreaterThan(0);
  });

  it("shows each change with who, when, before and after, and marks the vote that counts now", async () => {
    const opened = await openProject();
    const { viewer, projectId } = opened;
    // Every edit its own history entry (folding is tested in history-folding).
    const alice = { ...opened.alice, api: t.callerAs(opened.alice, { historyFoldSeconds: 0 }) };
    await castVote(alice, projectId, "ops", { weight: 2, scores: { kafka: 1 } });
    await castVote(alice, projectId, "ops", { weight: 4, scores: { kafka: 5 } });
    await castVote(alice, projectId, "ordering", { weight: 1, scores: {} });
    await alice.api.vote.retract({ projectId, criterionKey: "ordering" });

    const { items } = await viewer.api.history.list({ projectId, actorId: alice.id });
    const [retracted, ordering, latest, earlier] = items;
    expect(latest).toMatchObject({
      type: "vote.cast",
      current: true,
      actor: { id: alice.id, name: alice.name },
      data: {
        before: { weight: 2, scores: { kafka: 1 } },
        after: { weight: 4, scores: { kafka: 5 } },
      },
    });
    expect(latest?.at).toBeInstanceOf(Date);
    expect(earlier).toMatchObject({ type: "vote.cast", current: false });
    // A retracted vote no longer counts: neither the retraction nor the vote it removed is current.
    expect(retracted).toMatchObject({ type: "vote.retracted", current: false });
    expect(ordering).toMatchObject({ type: "vote.cast", current: false });
  });

  it("hides how teammates voted while a blind project is open, and reveals it once closed", async () => {
    const { owner, alice, bob, projectId } = await openProject({ votingMode: "BLIND" });
    await castVote(alice, projectId, "ops", { weight: 5, scores: { kafka: 5 } });
    await castVote(bob, projectId, "ops", { weight: 1, scores: { sqs: 5 } });

    const seenByBob = await bob.api.history.list({ projectId });
    const alicesVote = seenByBob.items.find((e) => e.actor?.id === alice.id);
    const bobsVote = seenByBob.items.find((e) => e.actor?.id === bob.id);
    expect(alicesVote).toMatchObject({
      type: "vote.cast",
      hidden: true,
      data: null,
      current: true,
    });
    expect(bobsVote).toMatchObject({ hidden: false, data: { after: { weight: 1 } } });
    expect(JSON.stringify(seenByBob)).not.toContain('"kafka":5');

    const timeline = await bob.api.history.timeline({ projectId });
    expect(timeline).toMatchObject({ hidden: true, points: [] });
    expect(timeline.voteEventCount).toBe(2);
    const moment = await bob.api.history.at({ projectId, at: new Date() });
    expect(moment).toMatchObject({ hidden: true, result: null });

    await owner.api.project.close({ projectId });
    const after = await bob.api.history.list({ projectId });
    expect(after.items.find((e) => e.actor?.id === alice.id)).toMatchObject({
      hidden: false,
      data: { after: { weight: 5 } },
    });
    expect((await bob.api.history.timeline({ projectId })).points).toHaveLength(2);
  });
});

describe("history timeline and time slider", () => {
  it("charts each option's total after every vote, ending at today's recommendation", async () => {
    const { alice, bob, viewer, projectId } = await openProject();
    await castVote(alice, projectId, "ops", { weight: 5, scores: { kafka: 5, sqs: 1 } });
    await castVote(bob, projectId, "ops", { weight: 5, scores: { kafka: 1, sqs: 5 } });
    await castVote(bob, projectId, "ordering", { weight: 5, scores: { kafka: 1, sqs: 5 } });

    const timeline = await viewer.api.history.timeline({ projectId });
    expect(timeline.options.map((o) => o.key)).toEqual(["kafka", "sqs"]);
    expect(timeline.points.map((p) => p.winner)).toEqual(["kafka", null, "sqs"]);
    const now = await viewer.api.project.recommendation({ projectId });
    const last = timeline.points.at(-1);
    expect(last?.winner).toBe(now.result?.winner);
    expect(last?.totals[0]).toBeCloseTo(
      now.result?.totals.find((o) => o.optionKey === "kafka")?.score ?? -1,
      6,
    );
  });

  it("shows the recommendation exactly as it stood at an earlier moment", async () => {
    const { alice, bob, viewer, projectId } = await openProject();
    await pause();
    const beforeVotes = new Date();
    await pause();
    await castVote(alice, projectId, "ops", { weight: 5, scores: { kafka: 5, sqs: 1 } });
    await pause();
    const kafkaAhead = new Date();
    await pause();
    await castVote(bob, projectId, "ops", { weight: 5, scores: { kafka: 1, sqs: 5 } });
    await castVote(bob, projectId, "ordering", { weight: 5, scores: { kafka: 1, sqs: 5 } });

    const then = await viewer.api.history.at({ projectId, at: kafkaAhead });
    expect(then.result?.winner).toBe("kafka");
    const voted = (p?: { complete: number; partial: number }) => (p ? p.complete + p.partial : -1);
    expect(voted(then.result?.participation)).toBe(1);
    const now = await viewer.api.history.at({ projectId, at: new Date() });
    expect(now.result?.winner).toBe("sqs");

    const timeline = await viewer.api.history.timeline({ projectId });
    const firstPoint = timeline.points[0];
    const atFirst = await viewer.api.history.at({ projectId, eventId: firstPoint?.eventId });
    expect(atFirst.result?.winner).toBe(firstPoint?.winner);
    expect(atFirst.lastEvent?.id).toBe(firstPoint?.eventId);
    const beforeAnyVote = await viewer.api.history.at({ projectId, at: beforeVotes });
    expect(voted(beforeAnyVote.result?.participation)).toBe(0);
  });

  it("counts the members of that moment, not those who joined since", async () => {
    const { owner, alice, bob, viewer, team, projectId } = await openProject();
    for (const voter of [alice, bob]) {
      await castVote(voter, projectId, "ops", { weight: 3, scores: { kafka: 2, sqs: 4 } });
      await castVote(voter, projectId, "ordering", { weight: 3, scores: { kafka: 2, sqs: 4 } });
    }
    // The owner is a member too: their ballot completes with "no opinion" on both criteria.
    for (const criterion of ["ops", "ordering"])
      await castVote(owner, projectId, criterion, { weight: null, scores: {}, noOpinion: true });
    await pause();
    const beforeJoin = new Date();
    await pause();
    const lastVote = await viewer.api.history.at({ projectId, at: beforeJoin });
    const cai = await createUser(t.db, { name: "Cai" });
    await addMember(t.db, team.id, cai.id, "MEMBER");

    for (const moment of [{ eventId: lastVote.lastEvent?.id }, { at: beforeJoin }]) {
      const then = await viewer.api.history.at({ projectId, ...moment });
      expect(then.result?.participation, JSON.stringify(moment)).toMatchObject({
        complete: 3,
        eligible: 3,
      });
      expect(then.result?.status).toBe("ready");
      expect(then.result?.joinedSince).toBe(1);
    }
    // Today, Cai counts: a ballot not started.
    const now = await viewer.api.history.at({ projectId, at: new Date() });
    expect(now.result?.participation).toMatchObject({ complete: 3, none: 1, eligible: 4 });
    expect(now.result?.status).toBe("provisional");
    expect(now.result?.joinedSince).toBe(0);
  });

  it("says when a moment is before the decision existed, rather than showing an empty result", async () => {
    const { viewer, projectId } = await openProject();
    const project = await t.db.project.findUniqueOrThrow({
      where: { id: projectId },
      select: { createdAt: true },
    });
    const before = new Date(project.createdAt.getTime() - 60_000);
    const error = await trpcError(viewer.api.history.at({ projectId, at: before }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(
      `This decision was created at ${project.createdAt.toISOString()}: its history starts then. Pick a moment from then on.`,
    );
    // Loose input is refused as such, not read as some other moment (0 would be 1970, "1" 2001).
    for (const loose of ["0", "1", "2026-02-30T10:00:00Z"]) {
      const refused = await trpcError(
        viewer.api.history.at({ projectId, at: loose as unknown as Date }),
      );
      expect(refused.code, loose).toBe("BAD_REQUEST");
      expect(refused.message, loose).toMatch(/The moment (is not a date|has no day)/);
    }
    // The moment of its creation is in its history (no votes yet).
    const atCreation = await viewer.api.history.at({ projectId, at: project.createdAt });
    expect(atCreation.result?.participation.complete).toBe(0);
  });

  it("charts a 100,000-event history in a few hundred points that agree with the slider, and adds a new vote to it", async () => {
    const { people, alice, viewer, projectId, team } = await openProject();
    const voters = people.filter((p) => p.role !== "VIEWER").map((p) => p.id);
    await t.db.$executeRawUnsafe(
      `INSERT INTO project_events (project_id, team_id, actor_id, type, criterion_key, data, created_at)
       SELECT $1, $2, ($3::text[])[1 + g % $4], 'vote.cast',
              CASE WHEN g % 2 = 0 THEN 'ops' ELSE 'ordering' END,
              jsonb_build_object('before', null, 'after', jsonb_build_object(
                'weight', g % 6,
                'scores', jsonb_build_object('kafka', 1 + g % 5, 'sqs', 1 + (g * 7) % 5),
                'rationale', null)),
              now() - interval '1 day' + g * interval '500 milliseconds'
       FROM generate_series(1, 100000) AS g`,
      projectId,
      team.id,
      voters,
      voters.length,
    );

    // How long this takes is measured by `npm run bench`; here only what the chart shows.
    const timeline = await viewer.api.history.timeline({ projectId });

    expect(timeline.voteEventCount).toBe(100_000);
    expect(timeline.points.length).toBeGreaterThan(300);
    expect(timeline.points.length).toBeLessThanOrEqual(800);
    // The slider's exact answer agrees with the chart where they meet.
    const last = timeline.points.at(-1);
    const moment = await viewer.api.history.at({ projectId, eventId: last?.eventId });
    expect(moment.result?.winner).toBe(last?.winner);
    expect(moment.result?.totals[0]?.score).toBeCloseTo(last?.totals[0] ?? -1, 6);

    // A new vote (every open History tab refreshes then) is added to what was already read.
    await castVote(alice, projectId, "ops", { weight: 5, scores: { kafka: 5 } });
    const refreshed = await viewer.api.history.timeline({ projectId });
    expect(refreshed.voteEventCount).toBe(100_001);
    const newest = refreshed.points.at(-1);
    expect(BigInt(newest?.eventId ?? "0")).toBeGreaterThan(BigInt(last?.eventId ?? "0"));
    const afterVote = await viewer.api.history.at({ projectId, eventId: newest?.eventId });
    expect(newest?.winner).toBe(afterVote.result?.winner);
    expect(newest?.totals[0]).toBeCloseTo(afterVote.result?.totals[0]?.score ?? -1, 6);
    expect(newest?.totals[0]).not.toBeCloseTo(last?.totals[0] ?? -1, 6);
  }, 60_000);
});
