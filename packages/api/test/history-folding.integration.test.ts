import { createPrismaClient, type Database, statements } from "@tradeoff/db";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { createCaller } from "../src/root";
import { exportRecordStream } from "../src/services/export/export-record";
import { collect } from "../src/services/export/json";
import { createContextInner } from "../src/trpc";
import { useTestDatabase } from "./helpers";
import { at, castVote, openBlankProject } from "./project-fixtures";

const t = useTestDatabase();

type Person = { id: string; email: string | null; name: string | null };

/** A caller on its own database client: another app instance of the same deployment. */
function callerOn(db: Database, user: Person, historyFoldSeconds?: number) {
  return createCaller(
    createContextInner({
      db,
      user: { id: user.id, email: user.email ?? "", name: user.name, tokenVersion: 0 },
      ...(historyFoldSeconds === undefined ? {} : { historyFoldSeconds }),
    }),
  );
}

async function openProject() {
  const setup = await openBlankProject(t, ["MEMBER", "MEMBER", "MEMBER", "VIEWER"]);
  return {
    ...setup,
    alice: at(setup.people, 1),
    bob: at(setup.people, 2),
    carol: at(setup.people, 3),
    viewer: at(setup.people, 4),
  };
}

async function voteEvents(projectId: string) {
  return t.db.projectEvent.findMany({
    where: { projectId, type: { in: ["vote.cast", "vote.retracted"] } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      type: true,
      actorId: true,
      criterionKey: true,
      data: true,
      createdAt: true,
      lastEditAt: true,
    },
  });
}

async function versionOf(projectId: string) {
  const project = await t.db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { version: true },
  });
  return project.version;
}

/** Moves the project's latest event's first edit `seconds` into the past. */
async function ageLatestEvent(projectId: string, seconds: number) {
  await t.db.$executeRaw`
    UPDATE project_events SET created_at = now() - make_interval(secs => ${seconds}::int)
    WHERE id = (SELECT max(id) FROM project_events WHERE project_id = ${projectId})`;
}

describe("history folding", () => {
  it("folds a member's edits to one criterion into one entry: the state after the last edit, and the first and last times", async () => {
    const { alice, bob, viewer, projectId } = await openProject();
    await castVote(bob, projectId, "ops", { weight: 3, scores: { sqs: 4 } });
    await castVote(alice, projectId, "ops", { weight: 2, scores: { kafka: 1 } });
    const afterFirst = await versionOf(projectId);
    const cachedBefore = await viewer.api.project.recommendation({ projectId });
    const chartBefore = await viewer.api.history.timeline({ projectId });
    await castVote(alice, projectId, "ops", { weight: 4, scores: { kafka: 2 } });
    await castVote(alice, projectId, "ops", { weight: 5, scores: { kafka: 5, sqs: 3 } });

    const events = await voteEvents(projectId);
    expect(events).toHaveLength(2);
    const entry = events[1];
    expect(entry?.data).toMatchObject({
      before: null,
      after: { weight: 5, scores: { kafka: 5, sqs: 3 } },
    });
    expect(entry?.lastEditAt).toBeInstanceOf(Date);
    expect(entry?.lastEditAt?.getTime()).toBeGreaterThanOrEqual(entry?.createdAt.getTime() ?? 0);

    // Updating the entry raised the project's version, so the cached recommendation moved on.
    expect(await versionOf(projectId)).toBe(afterFirst + 2);
    const cachedAfter = await viewer.api.project.recommendation({ projectId });
    expect(cachedAfter).not.toEqual(cachedBefore);
    // The chart keeps one point per entry; its last one moved to the folded state and time.
    const chartAfter = await viewer.api.history.timeline({ projectId });
    expect(chartAfter.voteEventCount).toBe(2);
    expect(chartAfter.points.map((p) => p.eventId)).toEqual(
      chartBefore.points.map((p) => p.eventId),
    );
    expect(chartAfter.points.at(-1)?.at).toEqual(entry?.lastEditAt);
    expect(chartAfter.points.at(-1)?.winner).toBe(cachedAfter.result?.winner ?? null);
    expect(chartAfter.points.at(-1)?.totals).not.toEqual(chartBefore.points.at(-1)?.totals);
    const kafka = cachedAfter.result?.totals.find((o) => o.optionKey === "kafka")?.score;
    expect(chartAfter.points.at(-1)?.totals[0]).toBeCloseTo(kafka ?? -1, 9);
    // The slider at a moment between the first and the last edit shows the state before them.
    const between = new Date((entry?.createdAt.getTime() ?? 0) - 1);
    const atFirst = await viewer.api.history.at({ projectId, at: between });
    expect(atFirst.result?.totals).toEqual(
      (await viewer.api.history.at({ projectId, eventId: events[0]?.id.toString() })).result
        ?.totals,
    );

    const { items } = await viewer.api.history.list({ projectId, actorId: alice.id });
    expect(items[0]).toMatchObject({
      type: "vote.cast",
      current: true,
      lastEditAt: entry?.lastEditAt,
      data: { after: { weight: 5 } },
    });
  });

  it("exports a folded vote with both times: `at` its first edit, `lastEditAt` the edit its state is from", async () => {
    const { alice, team, projectId } = await openProject();
    const teamId = team.id;
    await castVote(alice, projectId, "ops", { weight: 2, scores: { kafka: 1 } });
    await ageLatestEvent(projectId, 20);
    await castVote(alice, projectId, "ops", { weight: 5, scores: { kafka: 5 } });
    const [entry] = await voteEvents(projectId);
    const first = entry?.createdAt.toISOString();
    const last = entry?.lastEditAt?.toISOString();
    expect(typeof last).toBe("string");
    expect(last).not.toBe(first);

    const json = await exportRecordStream(t.db, { teamId, projectId }, { format: "json" });
    const exported = JSON.parse(await collect(json.chunks as AsyncIterable<string>)) as {
      events: { type: string; at: string; lastEditAt: string | null; data: unknown }[];
    };
    const vote = exported.events.find((e) => e.type === "vote.cast");
    expect(vote).toMatchObject({ at: first, lastEditAt: last, data: { after: { weight: 5 } } });
    // Events that were never folded say so with null, not with a copy of `at`.
    expect(exported.events.find((e) => e.type !== "vote.cast")?.lastEditAt).toBeNull();

    const csv = await exportRecordStream(
      t.db,
      { teamId, projectId },
      { format: "csv", table: "events" },
    );
    const rows = parseCsv(
      (await collect(csv.chunks as AsyncIterable<string>)).replace(/^\uFEFF/, ""),
      {
        columns: true,
      },
    ) as Record<string, string>[];
    const row = rows.find((r) => r.type === "vote.cast");
    expect(row).toMatchObject({ at: first, last_edit_at: last });
  });

  it("appends when another member, another criterion or another kind of change came in between", async () => {
    const { alice, bob, projectId } = await openProject();
    await castVote(alice, projectId, "ops", { weight: 2, scores: {} });
    await castVote(bob, projectId, "ops", { weight: 3, scores: {} });
    await castVote(alice, projectId, "ops", { weight: 4, scores: {} });
    await castVote(alice, projectId, "ordering", { weight: 1, scores: {} });
    await castVote(alice, projectId, "ops", { weight: 5, scores: {} });
    await alice.api.comment.create({ projectId, body: "Thinking about it." });
    await castVote(alice, projectId, "ops", { weight: 1, scores: {} });
    await alice.api.vote.retract({ projectId, criterionKey: "ops" });
    await castVote(alice, projectId, "ops", { weight: 2, scores: {} });

    const events = await voteEvents(projectId);
    expect(events.map((e) => [e.type, e.criterionKey, e.actorId === alice.id ? "a" : "b"])).toEqual(
      [
        ["vote.cast", "ops", "a"],
        ["vote.cast", "ops", "b"],
        ["vote.cast", "ops", "a"],
        ["vote.cast", "ordering", "a"],
        ["vote.cast", "ops", "a"],
        ["vote.cast", "ops", "a"],
        ["vote.retracted", "ops", "a"],
        ["vote.cast", "ops", "a"],
      ],
    );
    // The entry after the retraction starts from no vote, as the retraction left it.
    expect(events.at(-1)?.data).toMatchObject({ before: null, after: { weight: 2 } });
    expect(events.every((e) => e.lastEditAt === null)).toBe(true);
  });

  it("keeps folding while the first edit is inside the window, and appends once it is not", async () => {
    const { alice, projectId } = await openProject();
    await castVote(alice, projectId, "ops", { weight: 1, scores: {} });
    await ageLatestEvent(projectId, 115);
    await castVote(alice, projectId, "ops", { weight: 2, scores: {} });
    expect(await voteEvents(projectId)).toHaveLength(1);

    await ageLatestEvent(projectId, 125);
    await castVote(alice, projectId, "ops", { weight: 3, scores: {} });
    const events = await voteEvents(projectId);
    expect(events).toHaveLength(2);
    expect(events[1]?.data).toMatchObject({ before: { weight: 2 }, after: { weight: 3 } });
  });

  it("follows the deployment's window: 0 keeps every edit, a shorter one ends sooner", async () => {
    const { alice, projectId } = await openProject();
    const everyEdit = callerOn(t.db, alice, 0);
    await everyEdit.vote.cast({ projectId, criterionKey: "ops", weight: 1, scores: {} });
    await everyEdit.vote.cast({ projectId, criterionKey: "ops", weight: 2, scores: {} });
    expect(await voteEvents(projectId)).toHaveLength(2);

    const tenSeconds = callerOn(t.db, alice, 10);
    await tenSeconds.vote.cast({ projectId, criterionKey: "ordering", weight: 1, scores: {} });
    await ageLatestEvent(projectId, 9);
    await tenSeconds.vote.cast({ projectId, criterionKey: "ordering", weight: 2, scores: {} });
    expect(await voteEvents(projectId)).toHaveLength(3);
    await ageLatestEvent(projectId, 11);
    await tenSeconds.vote.cast({ projectId, criterionKey: "ordering", weight: 3, scores: {} });
    expect(await voteEvents(projectId)).toHaveLength(4);
  });

  it("moves the entry's last edit time on with every edit folded in, even two in one instant", async () => {
    const { alice, projectId, team } = await openProject();
    await castVote(alice, projectId, "ops", { weight: 1, scores: {} });
    // Two edits the database's clock sees at the same instant (one member in two tabs, within a
    // millisecond): in one transaction, where now() does not move. A page that read the entry
    // after the first must still learn of the second, which it tells by the last edit time.
    const editTimes = await t.db.$transaction(async (tx) => {
      const times: (Date | null)[] = [];
      for (const weight of [2, 3]) {
        await statements.castVote(tx, {
          id: `fold-instant-${weight}-${projectId}`,
          projectId,
          teamId: team.id,
          criterionKey: "ops",
          userId: alice.id,
          weight,
          scores: {},
          noOpinion: false,
          rationale: null,
          foldSeconds: 120,
        });
        const entry = await tx.projectEvent.findFirstOrThrow({
          where: { projectId },
          orderBy: { id: "desc" },
          select: { lastEditAt: true },
        });
        times.push(entry.lastEditAt);
      }
      return times;
    });
    const [first, second] = editTimes;
    expect(await voteEvents(projectId)).toHaveLength(1);
    expect(first).toBeInstanceOf(Date);
    expect(second?.getTime()).toBeGreaterThan(first?.getTime() ?? Number.POSITIVE_INFINITY);
  });

  it("repeating the same vote inside the window changes nothing", async () => {
    const { alice, projectId } = await openProject();
    await castVote(alice, projectId, "ops", { weight: 1, scores: {} });
    const version = await versionOf(projectId);
    const [before] = await voteEvents(projectId);
    await castVote(alice, projectId, "ops", { weight: 1, scores: {} });
    const [after] = await voteEvents(projectId);
    expect(after).toEqual(before);
    expect(await versionOf(projectId)).toBe(version);
  });
});

describe("history folding with concurrent edits from two app instances", () => {
  const clients: Database[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
  });

  it("replay over the folded history ends exactly at the live votes' recommendation", async () => {
    const { alice, bob, carol, viewer, projectId } = await openProject();
    const one = createPrismaClient(t.url, { poolSize: 4 });
    const two = createPrismaClient(t.url, { poolSize: 4 });
    clients.push(one, two);
    const members = [alice, bob, carol];
    const criteria = ["ops", "ordering"];

    // Every member edits both criteria again and again, alternating instances, all at once.
    const rounds = 6;
    const writes: Promise<unknown>[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const [m, member] of members.entries()) {
        for (const [c, criterionKey] of criteria.entries()) {
          const instance = (round + m + c) % 2 === 0 ? one : two;
          const n = round * 7 + m * 3 + c;
          writes.push(
            callerOn(instance, member).vote.cast({
              projectId,
              criterionKey,
              weight: 1 + (n % 5),
              scores: { kafka: 1 + ((n * 3) % 5), ...(n % 4 === 0 ? {} : { sqs: 1 + (n % 5) }) },
            }),
          );
        }
      }
    }
    const outcomes = await Promise.allSettled(writes);
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);

    // A burst that moves between instances still folds: the window is the database's.
    const beforeBurst = (await voteEvents(projectId)).length;
    await callerOn(one, alice).vote.cast({ projectId, criterionKey: "ops", weight: 5, scores: {} });
    await callerOn(two, alice).vote.cast({
      projectId,
      criterionKey: "ops",
      weight: 4,
      scores: { kafka: 2, sqs: 4 },
    });
    const events = await voteEvents(projectId);
    // (the first may itself fold into an edit of alice's from the concurrent round)
    expect(events.length).toBeLessThanOrEqual(beforeBurst + 1);
    expect(events.at(-1)?.lastEditAt).not.toBeNull();

    // Nothing acknowledged was lost: each member's latest entry on each criterion holds exactly their stored vote,
    const votes = await t.db.vote.findMany({
      where: { projectId },
      select: { userId: true, weight: true, scores: true, criterion: { select: { key: true } } },
    });
    expect(votes).toHaveLength(members.length * criteria.length);
    for (const vote of votes) {
      const latest = events.findLast(
        (e) => e.actorId === vote.userId && e.criterionKey === vote.criterion.key,
      );
      expect(latest?.data).toMatchObject({
        after: { weight: vote.weight, scores: vote.scores },
      });
    }
    // and the chart's last point is today's recommendation.
    const timeline = await viewer.api.history.timeline({ projectId });
    const now = await viewer.api.project.recommendation({ projectId });
    expect(timeline.voteEventCount).toBe(events.length);
    const last = timeline.points.at(-1);
    expect(last?.winner).toBe(now.result?.winner ?? null);
    for (const [i, option] of timeline.options.entries()) {
      const live = now.result?.totals.find((o) => o.optionKey === option.key)?.score ?? null;
      if (live === null) expect(last?.totals[i]).toBeNull();
      else expect(last?.totals[i]).toBeCloseTo(live, 9);
    }
    const slider = await viewer.api.history.at({ projectId, eventId: last?.eventId });
    expect(slider.result?.winner).toBe(last?.winner);
  }, 60_000);
});
