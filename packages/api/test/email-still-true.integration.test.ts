import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listPreferences } from "../src/services/notification/preferences";
import { digestDay, sendDigestEmail } from "../src/services/notification/send-digests";
import { sendNotificationEmail } from "../src/services/notification/send-email";
import {
  describeUnsubscribe,
  readUnsubscribeToken,
  unsubscribe,
  unsubscribeToken,
} from "../src/services/notification/unsubscribe";
import { useTestDatabase } from "./helpers";
import {
  APP_URL,
  mailsArrived,
  UNSUBSCRIBE_SECRET as SECRET,
  unsubscribeLink,
  useSmtpMailbox,
} from "./mail-worker";
import { blankInput, ownerAndMember, teamWith } from "./project-fixtures";

/**
 * What notification emails say, checked when they go out: no job queue runs here, so each
 * email job is run by hand at the moment the test chooses (as a queue held up by a mail server
 * outage would run it), against a real SMTP server.
 */
const t = useTestDatabase();
const TITLE = "Which queue for billing events?";

/** What the email jobs logged, as the app's logger would print it. */
const logged: { fields: Record<string, unknown>; message: string }[] = [];
const smtp = useSmtpMailbox({
  appUrl: APP_URL,
  secret: SECRET,
  log: { info: (fields, message) => logged.push({ fields, message }) },
});

/** The emails `address` has received once there are `count` (or after 10 s). */
const arrived = (address: string, count: number) =>
  mailsArrived(smtp.mailbox, address, count, { timeoutMs: 10_000 });

/** A complete ballot of `blankInput`: every option scored, or "no opinion", on each criterion. */
const ANSWERS: {
  criterionKey: string;
  weight: number | null;
  scores: Record<string, number>;
  noOpinion?: boolean;
}[] = [
  { criterionKey: "ops", weight: 4, scores: { kafka: 2, sqs: 5 } },
  { criterionKey: "ordering", weight: null, scores: {}, noOpinion: true },
];

/**
 * The owner and one member (`ownerAndMember`); `told`, the member's latest notification of `kind`
 * about `projectId`, and `email`, its email job run now.
 */
async function memberAndEmailJobs() {
  const { team, owner, member } = await ownerAndMember(t);
  const told = async (kind: string, projectId: string) =>
    t.db.notification.findFirstOrThrow({
      where: { userId: member.id, kind, projectId },
      orderBy: { id: "desc" },
      select: { id: true },
    });
  const email = async (kind: string, projectId: string) =>
    sendNotificationEmail(t.db, smtp.settings, {
      data: { notificationId: (await told(kind, projectId)).id.toString() },
    });
  return { team, owner, member, told, email };
}

/** A deadline reminder as the reminder job writes it, for `deadline`. */
async function remindOf(
  member: { id: string },
  project: { id: string; teamId: string },
  deadline: Date,
  hoursLeft: number,
) {
  return t.db.notification.create({
    data: {
      userId: member.id,
      teamId: project.teamId,
      projectId: project.id,
      kind: "deadline.near",
      data: { hoursLeft, deadline: deadline.toISOString(), jobId: `job-${hoursLeft}` },
    },
    select: { id: true },
  });
}

describe("one-click unsubscribe", () => {
  it("works for every kind and the digest, opened (GET) and pressed (POST), from the emails themselves too", async () => {
    const { team, owner, member, email } = await memberAndEmailJobs();
    const deadline = new Date(Date.now() + 48 * 3_600_000);
    const project = await owner.api.project.create(blankInput(team.id, { deadline }));
    await owner.api.project.open({ projectId: project.id });
    await owner.api.project.nudge({ projectId: project.id });
    await remindOf(member, { ...project, teamId: team.id }, deadline, 24);
    for (const kind of ["project.opened", "nudge", "deadline.near"]) {
      expect(await email(kind, project.id), kind).toEqual({ sent: true });
    }
    // The links of the emails as received, as a mail provider's one-click press reads them.
    const received = await arrived(member.email, 3);
    expect(received).toHaveLength(3);
    for (const mail of received) {
      const token = unsubscribeLink(mail).searchParams.get("token") ?? "";
      expect(mail.text).toContain(`token=${token}`);
      const kind = readUnsubscribeToken(SECRET, token)?.kind;
      expect(kind, mail.subject).toBeDefined();
      await describeUnsubscribe(t.db, SECRET, token);
      await unsubscribe(t.db, SECRET, token);
    }
    const prefs = await listPreferences(t.db, member.id);
    for (const kind of ["project.opened", "nudge", "deadline.near"]) {
      expect(prefs.find((p) => p.kind === kind)?.delivery, kind).toBe("IN_APP");
    }

    // Every kind a member can choose, and the digest: the page (GET) names what it stops, the
    // press (POST) turns it off.
    const kinds = (await listPreferences(t.db, owner.id)).map((p) => p.kind);
    expect(kinds.length).toBeGreaterThan(5);
    for (const kind of kinds) {
      await t.db.notificationPreference.upsert({
        where: { userId_kind: { userId: owner.id, kind } },
        create: { userId: owner.id, kind, delivery: "EMAIL" },
        update: { delivery: "EMAIL" },
      });
      const token = unsubscribeToken(SECRET, owner.id, kind);
      expect(readUnsubscribeToken(SECRET, token), kind).toEqual({ userId: owner.id, kind });
      const page = await describeUnsubscribe(t.db, SECRET, token);
      expect(page.stops, kind).toMatch(/^emails about /);
      await unsubscribe(t.db, SECRET, token);
      const now = (await listPreferences(t.db, owner.id)).find((p) => p.kind === kind);
      expect(now?.delivery, kind).toBe("IN_APP");
    }
    await t.db.notificationPreference.updateMany({
      where: { userId: owner.id, kind: { in: ["project.opened", "deadline.near"] } },
      data: { delivery: "DIGEST" },
    });
    const digest = unsubscribeToken(SECRET, owner.id, "digest");
    expect((await describeUnsubscribe(t.db, SECRET, digest)).stops).toBe("the daily digest email");
    await unsubscribe(t.db, SECRET, digest);
    expect((await listPreferences(t.db, owner.id)).filter((p) => p.delivery === "DIGEST")).toEqual(
      [],
    );
  }, 40_000);

  it("still accepts a link sent before in the same form, and refuses an altered kind", async () => {
    const { owner } = await teamWith(t);
    // The links already in inboxes: `<userId>.<kind>.<HMAC of "unsubscribe:<userId>:<kind>">`.
    const signed = (kind: string) =>
      createHmac("sha256", SECRET).update(`unsubscribe:${owner.id}:${kind}`).digest("base64url");
    const sent = `${owner.id}.project.opened.${signed("project.opened")}`;
    expect(readUnsubscribeToken(SECRET, sent)).toEqual({
      userId: owner.id,
      kind: "project.opened",
    });
    await unsubscribe(t.db, SECRET, sent);
    // The signature of one kind does not unsubscribe from another, nor from a made-up kind.
    for (const altered of [
      `${owner.id}.project.closed.${signed("project.opened")}`,
      `${owner.id}.project.opened.x.${signed("project.opened.x")}`,
      `${owner.id}..${signed("")}`,
      `.nudge.${signed("nudge")}`,
      `${owner.id}.nudge.`,
    ]) {
      expect(readUnsubscribeToken(SECRET, altered), altered).toBeNull();
      await expect(unsubscribe(t.db, SECRET, altered)).rejects.toThrow(
        "This unsubscribe link is not valid",
      );
    }
  });

  it("refuses a forged or altered unsubscribe link", async () => {
    const { owner } = await teamWith(t);
    const forged = `${owner.id}.nudge.${"A".repeat(43)}`;
    await expect(unsubscribe(t.db, SECRET, forged)).rejects.toThrow(
      "This unsubscribe link is not valid",
    );
    expect(readUnsubscribeToken(SECRET, "not-a-token")).toBeNull();
  });

  it("says which emails a link stops and what the member still gets, by email and in the digest", async () => {
    const { member } = await ownerAndMember(t);
    await member.api.notification.setPreference({ kind: "project.closed", delivery: "DIGEST" });
    const pageOf = (scope: "nudge" | "digest") =>
      describeUnsubscribe(t.db, SECRET, unsubscribeToken(SECRET, member.id, scope));
    const nudges = await pageOf("nudge");
    expect(nudges.stops).toBe("emails about nudges to vote");
    expect(nudges.kept).toBe(
      "You will still see nudges to vote in your Tradeoff inbox, and still get by email: a decision opens for your vote; a deadline is near and your ballot is not complete; a team webhook is turned off after failing for 24 hours (admins); and in the daily digest: voting closes. Emails about your account and invitations to teams do not change.",
    );
    const digest = await pageOf("digest");
    expect(digest.stops).toBe("the daily digest email");
    expect(digest.kept).toMatch(
      /^You will still see everything the digest gathers in your Tradeoff inbox, and still get by email: a decision opens for your vote; /,
    );
    await expect(describeUnsubscribe(t.db, SECRET, "not-a-token")).rejects.toThrow(
      "This unsubscribe link is not valid",
    );
  });
});

describe("an email held up until it is no longer true", () => {
  it("is not sent for a decision closed since, to a member who has voted since, or after the deadline; the rest goes out", async () => {
    const { team, owner, member, email } = await memberAndEmailJobs();
    const closed = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: closed.id });
    await owner.api.project.close({ projectId: closed.id });

    const voted = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: voted.id });
    await owner.api.project.nudge({ projectId: voted.id });
    for (const answer of ANSWERS) await member.api.vote.cast({ projectId: voted.id, ...answer });

    const due = await owner.api.project.create(
      blankInput(team.id, { deadline: new Date(Date.now() + 3 * 3_600_000) }),
    );
    await owner.api.project.open({ projectId: due.id });
    // The 1-hour reminder, held up past the deadline (moved into the past here).
    const passed = new Date(Date.now() - 60_000);
    await t.db.project.update({ where: { id: due.id }, data: { deadline: passed } });
    await remindOf(member, { ...due, teamId: team.id }, passed, 1);

    const still = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: still.id });

    logged.length = 0;
    expect(await email("project.opened", closed.id)).toEqual({ sent: false });
    expect(await email("project.opened", voted.id)).toEqual({ sent: false });
    expect(await email("nudge", voted.id)).toEqual({ sent: false });
    expect(await email("deadline.near", due.id)).toEqual({ sent: false });
    expect(await email("project.opened", still.id)).toEqual({ sent: true });
    expect((await arrived(member.email, 1)).map((m) => m.subject)).toEqual([
      `Olivia Owner opened "${TITLE}" for voting`,
    ]);
    // Each email left unsent is one log line saying why.
    expect(logged.map((line) => [line.fields.kind, line.fields.reason])).toEqual([
      ["project.opened", "the decision is no longer open for voting"],
      ["project.opened", "the member's ballot is complete"],
      ["nudge", "the member's ballot is complete"],
      ["deadline.near", "the deadline has passed"],
    ]);
    expect(logged[0]?.message).toBe(
      "notification email not sent: the decision is no longer open for voting",
    );
  }, 40_000);
});

describe("by when", () => {
  it("gives the deadline in UTC when a decision opens, and a late reminder counts the time left when sent", async () => {
    const { team, owner, member, email } = await memberAndEmailJobs();
    const deadline = new Date("2030-01-08T14:00:00Z");
    const project = await owner.api.project.create(blankInput(team.id, { deadline }));
    await owner.api.project.open({ projectId: project.id });
    expect(await email("project.opened", project.id)).toEqual({ sent: true });
    const [opened] = await arrived(member.email, 1);
    expect(opened?.subject).toBe(
      `Olivia Owner opened "${TITLE}" for voting; the deadline is Tue 8 Jan 2030, 14:00 UTC`,
    );
    expect(opened?.text).toContain("the deadline is Tue 8 Jan 2030, 14:00 UTC.");

    // The 24-hour reminder, sent only 3 hours before the deadline (after an outage).
    const soon = new Date(Math.ceil((Date.now() + 3 * 3_600_000) / 60_000) * 60_000);
    await owner.api.project.update({ projectId: project.id, deadline: soon });
    await remindOf(member, { ...project, teamId: team.id }, soon, 24);
    expect(await email("deadline.near", project.id)).toEqual({ sent: true });
    const reminder = (await arrived(member.email, 2))[1];
    const at = `${["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][soon.getUTCDay()]} ${soon.getUTCDate()}`;
    expect(reminder?.text).toMatch(
      new RegExp(
        `^The deadline of "${TITLE.replace("?", "\\?")}" is in 3 hours \\(${at} \\w{3} \\d{4}, \\d\\d:\\d\\d UTC\\) and your ballot is not complete\\.`,
      ),
    );
    // The inbox words it the same way, counted from when it is read.
    const inbox = (await member.api.notification.list()).items;
    expect(inbox.find((n) => n.kind === "deadline.near")?.text).toBe(
      reminder?.text?.split("\n")[0],
    );
  }, 40_000);
});

describe("the daily digest", () => {
  it("carries only what is still true and not yet emailed: not what was read, closed, voted on, past its deadline or emailed before the switch", async () => {
    const { team, owner, member, told, email } = await memberAndEmailJobs();
    for (const kind of ["project.opened", "deadline.near"] as const) {
      await member.api.notification.setPreference({ kind, delivery: "DIGEST" });
    }
    // Still true: an open decision the member has not voted on.
    const open = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: open.id });
    // Emailed right away as a nudge, before the member chose the digest for nudges too.
    await owner.api.project.nudge({ projectId: open.id });
    expect(await email("nudge", open.id)).toEqual({ sent: true });
    await member.api.notification.setPreference({ kind: "nudge", delivery: "DIGEST" });
    // Read in the inbox already.
    const read = await owner.api.project.create(blankInput(team.id, { title: "Read already" }));
    await owner.api.project.open({ projectId: read.id });
    await member.api.notification.markRead({
      id: (await told("project.opened", read.id)).id.toString(),
    });
    // Closed since.
    const closed = await owner.api.project.create(blankInput(team.id, { title: "Closed since" }));
    await owner.api.project.open({ projectId: closed.id });
    await owner.api.project.close({ projectId: closed.id });
    // Voted on since.
    const voted = await owner.api.project.create(blankInput(team.id, { title: "Voted since" }));
    await owner.api.project.open({ projectId: voted.id });
    for (const answer of ANSWERS) await member.api.vote.cast({ projectId: voted.id, ...answer });
    // A reminder whose deadline has passed.
    const late = await owner.api.project.create(
      blankInput(team.id, { title: "Deadline passed", deadline: new Date(Date.now() + 7_200_000) }),
    );
    await owner.api.project.open({ projectId: late.id });
    await t.db.notification.updateMany({
      where: { userId: member.id, projectId: late.id },
      data: { readAt: new Date() },
    });
    const passed = new Date(Date.now() - 60_000);
    await t.db.project.update({ where: { id: late.id }, data: { deadline: passed } });
    await remindOf(member, { ...late, teamId: team.id }, passed, 1);

    const day = { data: { userId: member.id, day: digestDay(new Date()) } };
    expect(await sendDigestEmail(t.db, smtp.settings, day)).toEqual({ sent: true });
    const digest = (await arrived(member.email, 2)).find((m) => m.subject?.startsWith("Tradeoff:"));
    expect(digest?.subject).toBe("Tradeoff: 1 notification today");
    expect(digest?.text?.split("\n").filter((line) => line.startsWith("- "))).toEqual([
      `- Olivia Owner opened "${TITLE}" for voting.`,
    ]);
    // What was left out is settled, not kept for the next day's digest.
    const tomorrow = {
      data: { userId: member.id, day: digestDay(new Date(Date.now() + 86_400_000)) },
    };
    expect(await sendDigestEmail(t.db, smtp.settings, tomorrow)).toEqual({ sent: false });
  }, 40_000);
});
