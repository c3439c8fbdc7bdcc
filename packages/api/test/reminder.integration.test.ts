import { createPrismaClient, type Database } from "@tradeoff/db";
import { JOB_QUEUES, type JobDefinition, startJobQueue } from "@tradeoff/db/jobs";
import { afterAll, describe, expect, it } from "vitest";
import { utcDateTime } from "../src/domain/utc-time";
import { appJobs } from "../src/jobs";
import { stopWorker, trpcError, until, useTestDatabase } from "./helpers";
import { blankInput, teamWith } from "./project-fixtures";
import { holdRowLock, itWithLocks } from "./row-lock";

const t = useTestDatabase();
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** An app instance's worker: its own connection pool and the app's job handlers. */
async function startWorker() {
  const db: Database = createPrismaClient(t.url, { poolSize: 2 });
  const jobs: JobDefinition[] = appJobs(db);
  const boss = await startJobQueue({ url: t.url, jobs, pollingIntervalSeconds: 0.5 });
  cleanups.push(() => stopWorker(boss, db));
  return boss;
}

/** A reminder's words: the time left (`left`), then the deadline in UTC, then `end`. */
const saying = (left: RegExp, deadline: Date, end: string) =>
  new RegExp(
    `^The deadline of "Which queue for billing events\\?" ${left.source} \\(${utcDateTime(deadline)}\\) ${end.replace(".", "\\.")}$`,
  );

/** The text of the first deadline reminder in `user`'s inbox, as the inbox shows it. */
async function reminderText(user: { api: ReturnType<typeof t.callerAs> }) {
  const [reminder] = (await user.api.notification.list()).items.filter(
    (n) => n.kind === "deadline.near",
  );
  return reminder?.text;
}

type Answer = {
  criterionKey: string;
  weight: number | null;
  scores: Record<string, number>;
  noOpinion?: boolean;
};
/** A complete ballot of `blankInput`: every option scored, or "no opinion", on each criterion. */
const OPS: Answer = { criterionKey: "ops", weight: 4, scores: { kafka: 2, sqs: 5 } };
const ANSWERS: Answer[] = [
  OPS,
  { criterionKey: "ordering", weight: null, scores: {}, noOpinion: true },
];

describe("deadline reminders", () => {
  it("reminds each incomplete voter once, across two instances, and skips complete ballots", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER", "MEMBER", "MEMBER"]);
    const [, partial, untouched, done] = people;
    if (!partial || !untouched || !done) throw new Error("fixture: people missing");
    // The 1-hour reminder falls due a few seconds after opening; the 24-hour one has passed.
    const deadline = new Date(Date.now() + 3_600_000 + 4_000);
    const project = await owner.api.project.create(blankInput(team.id, { deadline }));
    await owner.api.project.open({ projectId: project.id });
    for (const answer of ANSWERS) {
      await done.api.vote.cast({ projectId: project.id, ...answer });
    }
    await partial.api.vote.cast({ projectId: project.id, ...OPS });
    for (const answer of ANSWERS) await owner.api.vote.cast({ projectId: project.id, ...answer });

    // The job was written when the project opened: workers started later still run it.
    await startWorker();
    await startWorker();
    const reminders = () =>
      t.db.notification.findMany({
        where: { projectId: project.id, kind: "deadline.near" },
        select: { userId: true, data: true },
      });
    await until(async () => (await reminders()).length >= 2, { timeoutMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const sent = await reminders();
    expect(sent.map((r) => r.userId).sort()).toEqual([partial.id, untouched.id].sort());
    expect(sent[0]?.data).toMatchObject({ hoursLeft: 1 });
    // The deadline itself, and the time left counted when the inbox is read.
    expect(await reminderText(untouched)).toMatch(
      saying(/is in (1 hour|5\d minutes)/, deadline, "and your ballot is not complete."),
    );
  }, 60_000);

  it("sends nothing when the deadline moved or the project closed before the reminder", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER"]);
    const [, member] = people;
    if (!member) throw new Error("fixture: member missing");
    const soon = new Date(Date.now() + 3_600_000 + 3_000);
    const moved = await owner.api.project.create(blankInput(team.id, { deadline: soon }));
    await owner.api.project.open({ projectId: moved.id });
    await owner.api.project.update({
      projectId: moved.id,
      deadline: new Date(Date.now() + 7 * 24 * 3_600_000),
    });
    const closed = await owner.api.project.create(blankInput(team.id, { deadline: soon }));
    await owner.api.project.open({ projectId: closed.id });
    await owner.api.project.close({ projectId: closed.id });

    await startWorker();
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const count = await t.db.notification.count({
      where: { userId: member.id, kind: "deadline.near" },
    });
    expect(count).toBe(0);
  }, 60_000);
});

describe("a reminder whose time passed before the decision opened", () => {
  const reminders = (projectId: string) =>
    t.db.notification.findMany({
      where: { projectId, kind: "deadline.near" },
      select: { userId: true, data: true },
    });
  /** The reminder jobs waiting in the queue for `projectId`, by the hours before the deadline. */
  const queued = async (projectId: string) =>
    (
      await t.db.$queryRaw<{ hours: string }[]>`
        SELECT data->>'hoursLeft' AS hours FROM pgboss.job
        WHERE name = ${JOB_QUEUES.deadlineReminder} AND data->>'projectId' = ${projectId}
          AND state = 'created'`
    ).map((j) => Number(j.hours));

  /** An owner and one member, with a decision opened for voting whose deadline is `deadline`. */
  async function openedWithDeadline(deadline: Date) {
    const { team, owner, people } = await teamWith(t, ["MEMBER"]);
    const [, member] = people;
    if (!member) throw new Error("fixture: member missing");
    const project = await owner.api.project.create(blankInput(team.id, { deadline }));
    await owner.api.project.open({ projectId: project.id });
    return { owner, member, project, deadline };
  }
  /** Starts a worker, waits for both voters' reminders and a while longer, and lists them all. */
  async function remindersOnceSettled(projectId: string) {
    await startWorker();
    await until(async () => (await reminders(projectId)).length >= 2, { timeoutMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return reminders(projectId);
  }

  for (const { name, offMs, says, stillQueued } of [
    {
      name: "is sent once, right away, with the time really left, when the deadline is 30 minutes off",
      offMs: 30 * 60_000,
      says: /is in (29|30) minutes/,
      stillQueued: [],
    },
    {
      name: "is sent right away when the deadline is 10 hours off, and the 1-hour reminder still waits",
      offMs: 10 * 3_600_000,
      says: /is in 10 hours/,
      stillQueued: [1],
    },
  ]) {
    it(name, async () => {
      const { owner, member, project, deadline } = await openedWithDeadline(
        new Date(Date.now() + offMs),
      );
      // Once each for the two voters, neither of whom has voted yet.
      const sent = await remindersOnceSettled(project.id);
      expect(sent.map((r) => r.userId).sort()).toEqual([member.id, owner.id].sort());
      expect(await reminderText(member)).toMatch(
        saying(says, deadline, "and your ballot is not complete."),
      );
      expect(await queued(project.id)).toEqual(stillQueued);
    }, 60_000);
  }

  it("is sent once more when an open decision's deadline moves to 20 minutes off", async () => {
    const { owner, member, project } = await openedWithDeadline(
      new Date(Date.now() + 7 * 24 * 3_600_000),
    );
    const moved = new Date(Date.now() + 20 * 60_000);
    await owner.api.project.update({ projectId: project.id, deadline: moved });
    // The member and the owner, once each; the week-long deadline's reminders find it moved.
    const sent = await remindersOnceSettled(project.id);
    expect(sent.map((r) => r.userId).sort()).toEqual([member.id, owner.id].sort());
    expect(await reminderText(member)).toMatch(
      saying(/is in (19|20) minutes/, moved, "and your ballot is not complete."),
    );
  }, 60_000);
});

describe("waiting on whom, and nudges", () => {
  it("lists incomplete voters with how far they are, and nudges each at most once in 12 hours", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER", "MEMBER", "VIEWER"]);
    const [, partial, untouched, viewer] = people;
    if (!partial || !untouched || !viewer) throw new Error("fixture: people missing");
    const project = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: project.id });
    for (const answer of ANSWERS) await owner.api.vote.cast({ projectId: project.id, ...answer });
    await partial.api.vote.cast({ projectId: project.id, ...OPS });

    const waiting = await viewer.api.project.waitingOn({ projectId: project.id });
    expect(waiting).toMatchObject({ open: true, voters: 3, complete: 1, canNudge: false });
    expect(
      waiting.waiting.map(({ name, state, answered, total }) => ({ name, state, answered, total })),
    ).toEqual([
      { name: partial.name, state: "partial", answered: 1, total: 2 },
      { name: untouched.name, state: "not-started", answered: 0, total: 2 },
    ]);

    // Only admins and the creator nudge.
    expect((await trpcError(partial.api.project.nudge({ projectId: project.id }))).code).toBe(
      "FORBIDDEN",
    );
    const first = await owner.api.project.nudge({ projectId: project.id, userIds: [untouched.id] });
    expect(first.nudged.map((n) => n.userId)).toEqual([untouched.id]);
    const again = await trpcError(
      owner.api.project.nudge({ projectId: project.id, userIds: [untouched.id] }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(
      /less than 12 hours ago\. The next nudge is possible at .+ UTC\./,
    );

    // "Nudge everyone" reaches the one not nudged yet, and says the other was skipped.
    const all = await owner.api.project.nudge({ projectId: project.id });
    expect(all.nudged.map((n) => n.userId)).toEqual([partial.id]);
    expect(all.skipped.map((n) => n.userId)).toEqual([untouched.id]);

    const [nudge] = (await untouched.api.notification.list()).items.filter(
      (n) => n.kind === "nudge",
    );
    expect(nudge?.text).toBe(
      'Olivia Owner is waiting for your vote on "Which queue for billing events?".',
    );
    expect(await t.db.notification.count({ where: { projectId: project.id, kind: "nudge" } })).toBe(
      2,
    );
    const after = await owner.api.project.waitingOn({ projectId: project.id });
    expect(after.canNudge).toBe(true);
    expect(after.waiting.every((w) => w.nextNudgeAt !== null)).toBe(true);
  });

  itWithLocks(
    "a nudge sent while the member is being removed waits for the removal, and tells them nothing",
    async () => {
      const { team, owner, people } = await teamWith(t, ["ADMIN", "MEMBER"]);
      const [, admin, member] = people;
      if (!admin || !member) throw new Error("fixture: people missing");
      const project = await owner.api.project.create(blankInput(team.id));
      await owner.api.project.open({ projectId: project.id });
      // The team busy with an import while the admin removes the member and the owner nudges them.
      const busy = await holdRowLock(t.db, "teams", team.id);
      const removal = admin.api.member.remove({ teamId: team.id, userId: member.id });
      await busy.waiting(1);
      const nudge = owner.api.project.nudge({ projectId: project.id, userIds: [member.id] });
      await busy.waiting(2);
      await busy.release();
      const [removed, nudged] = await Promise.allSettled([removal, nudge]);
      expect(removed).toMatchObject({ status: "fulfilled" });
      expect(nudged).toMatchObject({ status: "fulfilled" });
      expect(await t.db.membership.count({ where: { teamId: team.id, userId: member.id } })).toBe(
        0,
      );
      expect(await t.db.notification.count({ where: { teamId: team.id, userId: member.id } })).toBe(
        0,
      );
    },
  );

  it("in blind voting shows who is not complete, never how far", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER"]);
    const [, member] = people;
    if (!member) throw new Error("fixture: member missing");
    const project = await owner.api.project.create(blankInput(team.id, { votingMode: "BLIND" }));
    await owner.api.project.open({ projectId: project.id });
    await member.api.vote.cast({ projectId: project.id, ...OPS });
    const waiting = await member.api.project.waitingOn({ projectId: project.id });
    expect(waiting.blind).toBe(true);
    expect(waiting.waiting).toEqual([
      expect.objectContaining({ name: owner.name, state: null, answered: null, total: null }),
      expect.objectContaining({ name: member.name, state: null, answered: null, total: null }),
    ]);
  });
});
