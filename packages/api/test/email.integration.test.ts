import { createSmtpMailer } from "@tradeoff/auth";
import { proveAddress } from "@tradeoff/auth/address-proof";
import { startSmtpMailbox } from "@tradeoff/auth/testing";
import { describe, expect, it } from "vitest";
import { seal } from "../src/domain/sealed-secret";
import { utcDateTime } from "../src/domain/utc-time";
import type { EmailSettings } from "../src/jobs";
import { sendInvitationEmail } from "../src/services/invitation/invitation-email";
import {
  digestDay,
  queueDailyDigests,
  sendDigestEmail,
} from "../src/services/notification/send-digests";
import { sendNotificationEmail } from "../src/services/notification/send-email";
import { readUnsubscribeToken, unsubscribe } from "../src/services/notification/unsubscribe";
import { trpcError, useTestDatabase } from "./helpers";
import {
  APP_URL,
  headerOf,
  mailsArrived,
  UNSUBSCRIBE_SECRET as SECRET,
  unsubscribeLink,
  useMailWorker,
} from "./mail-worker";
import { blankInput, ownerAndMember, teamWith } from "./project-fixtures";

const t = useTestDatabase();

/** A real SMTP server in this process: every message it accepts is parsed and kept. */
const worker = useMailWorker(() => t.url, { appUrl: APP_URL, secret: SECRET });

/** The emails `address` has received once there are `count`, and a duplicate would have too. */
const mailsTo = (address: string, count: number, timeoutMs = 15_000) =>
  mailsArrived(worker.mailbox, address, count, { timeoutMs, settleMs: 1_500 });

/** The owner's blank decision, opened for voting, and a nudge to the members yet to vote. */
async function openAndNudge(owner: Awaited<ReturnType<typeof teamWith>>["owner"], teamId: string) {
  const project = await owner.api.project.create(blankInput(teamId));
  await owner.api.project.open({ projectId: project.id });
  await owner.api.project.nudge({ projectId: project.id });
  return project;
}

type Member = Awaited<ReturnType<typeof teamWith>>["people"][number];

/** A team of the owner and one member who chose the daily digest for `kinds`. */
async function memberWithDigestOf(
  kinds: Parameters<Member["api"]["notification"]["setPreference"]>[0]["kind"][],
) {
  const setup = await ownerAndMember(t);
  for (const kind of kinds) {
    await setup.member.api.notification.setPreference({ kind, delivery: "DIGEST" });
  }
  return setup;
}

describe("notification emails", () => {
  it("emails a nudge with a link to the project and a one-click unsubscribe; a member who chose the inbox for nudges gets only the opening", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER", "MEMBER"]);
    const [, bob, carol] = people;
    if (!bob?.email || !carol?.email) throw new Error("fixture: people missing");
    await carol.api.notification.setPreference({ kind: "nudge", delivery: "IN_APP" });
    const project = await openAndNudge(owner, team.id);

    // A decision opening for a member's vote asks for action: emailed by default, as a nudge is.
    const mails = await mailsTo(bob.email, 2);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Olivia Owner is waiting for your vote on "Which queue for billing events?"',
      'Olivia Owner opened "Which queue for billing events?" for voting',
    ]);
    const mail = mails.find((m) => m.subject?.includes("is waiting for your vote"));
    const link = `${APP_URL}/t/${team.slug}/p/${project.id}`;
    expect(mail?.text).toContain(link);
    expect(mail?.html).toContain(`href="${link}"`);
    // The raw header lines, as a mail client reads them.
    expect(headerOf(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const url = unsubscribeLink(mail);
    expect(url.origin + url.pathname).toBe(`${APP_URL}/api/unsubscribe`);
    expect(mail?.text).toContain(url.toString());
    // Carol turned nudge emails off: her only email is the opening.
    const toCarol = await mailsTo(carol.email, 1);
    expect(toCarol.map((m) => m.subject)).toEqual([
      'Olivia Owner opened "Which queue for billing events?" for voting',
    ]);
    expect(toCarol[0]?.text).toContain(link);

    // The link needs no sign-in and turns nudge emails off for Bob only.
    const token = url.searchParams.get("token") ?? "";
    expect(readUnsubscribeToken(SECRET, token)).toEqual({ userId: bob.id, kind: "nudge" });
    await unsubscribe(t.db, SECRET, token);
    const prefs = await bob.api.notification.preferences();
    expect(prefs.kinds.find((k) => k.kind === "nudge")?.delivery).toBe("IN_APP");
    expect(prefs.kinds.find((k) => k.kind === "deadline.near")?.delivery).toBe("EMAIL");
  }, 40_000);

  it("rejects an unknown kind of notification with the list of kinds", async () => {
    const { owner } = await teamWith(t);
    const error = await trpcError(
      owner.api.notification.setPreference({ kind: "everything" as "nudge", delivery: "EMAIL" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("Choose one of the kinds of notification");
  });

  it("gathers the kinds a member chose as a digest into one daily email, each sent once", async () => {
    const { team, owner, member: dana } = await memberWithDigestOf(["nudge", "project.opened"]);
    const project = await openAndNudge(owner, team.id);
    // Nothing right away: both kinds wait for the digest.
    expect(await mailsTo(dana.email, 1, 1_000)).toEqual([]);

    const today = digestDay(new Date());
    expect(
      await sendDigestEmail(t.db, worker.settings, { data: { userId: dana.id, day: today } }),
    ).toEqual({ sent: true });
    const [digest, ...more] = await mailsTo(dana.email, 1);
    expect(more).toEqual([]);
    expect(digest?.subject).toBe("Tradeoff: 2 notifications today");
    expect(digest?.text).toContain(
      'Olivia Owner opened "Which queue for billing events?" for voting.',
    );
    expect(digest?.text).toContain("is waiting for your vote");
    expect(digest?.text).toContain(`${APP_URL}/t/${team.slug}/p/${project.id}`);

    // The next day's digest has nothing new for her.
    const tomorrow = digestDay(new Date(Date.now() + 86_400_000));
    expect(
      await sendDigestEmail(t.db, worker.settings, { data: { userId: dana.id, day: tomorrow } }),
    ).toEqual({ sent: false });
    expect(await mailsTo(dana.email, 2, 1_000)).toHaveLength(1);
  }, 40_000);

  it("gives the daily digest a one-click unsubscribe that turns the digest off", async () => {
    const { team, owner, member: erin } = await memberWithDigestOf(["nudge", "project.closed"]);
    const project = await openAndNudge(owner, team.id);
    const erinsDigest = { data: { userId: erin.id, day: digestDay(new Date()) } };
    await sendDigestEmail(t.db, worker.settings, erinsDigest);
    const digest = (await mailsTo(erin.email, 2)).find((m) => m.subject?.startsWith("Tradeoff:"));
    expect(headerOf(digest, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const url = unsubscribeLink(digest);
    expect(url.origin + url.pathname).toBe(`${APP_URL}/api/unsubscribe`);
    expect(digest?.text).toContain(url.toString());
    expect(digest?.html).toContain(`href="${url.toString().replaceAll("&", "&amp;")}"`);

    // What the link's POST does: every kind Erin had as a digest goes back to the inbox only.
    await unsubscribe(t.db, SECRET, url.searchParams.get("token") ?? "");
    const prefs = await erin.api.notification.preferences();
    expect(prefs.kinds.filter((k) => k.delivery === "DIGEST")).toEqual([]);
    expect(prefs.kinds.find((k) => k.kind === "nudge")?.delivery).toBe("IN_APP");
    expect(prefs.kinds.find((k) => k.kind === "project.closed")?.delivery).toBe("IN_APP");
    // Kinds emailed right away are left as they were.
    expect(prefs.kinds.find((k) => k.kind === "project.opened")?.delivery).toBe("EMAIL");
    await owner.api.project.nudge({ projectId: project.id }).catch(() => undefined);
    expect(await sendDigestEmail(t.db, worker.settings, erinsDigest)).toEqual({ sent: false });
    expect(
      (await mailsTo(erin.email, 3, 2_000)).filter((m) => m.subject?.startsWith("Tradeoff:")),
    ).toHaveLength(1);
  }, 40_000);

  it("emails the owner when someone signs up with their address, and a new address a link to sign in", async () => {
    const { owner } = await teamWith(t);
    if (!owner.email) throw new Error("fixture: owner has no email");
    const answer = await t
      .callerAs(null)
      .auth.signUp({ name: "Mallory", email: owner.email, password: "brass orchid tunnel 19" });
    const fresh = await t.callerAs(null).auth.signUp({
      name: "Fresh Person",
      email: "fresh.person@example.com",
      password: "brass orchid tunnel 19",
    });
    expect(fresh).toEqual(answer);

    const [mail, ...more] = await mailsTo(owner.email, 1);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe("Someone tried to sign up with your email address");
    expect(mail?.text).toContain("Your account was not changed.");
    expect(mail?.text).toContain(`${APP_URL}/sign-in`);
    expect(mail?.html).toContain(`href="${APP_URL}/sign-in"`);
    // The new address is emailed too, so an inbox cannot tell the two apart either.
    const [welcome, ...again] = await mailsTo("fresh.person@example.com", 1);
    expect(again).toEqual([]);
    expect(welcome?.subject).toBe("Your Tradeoff account is ready");
    const link = `${APP_URL}/sign-in?email=fresh.person%40example.com`;
    expect(welcome?.text).toContain(link);
    expect(welcome?.html).toContain(`href="${link}"`);
  }, 40_000);
});

describe("an address proven for the first time", () => {
  it("tells its owner by email that a password set before was removed, and how to sign in", async () => {
    const { owner } = await teamWith(t);
    if (!owner.email) throw new Error("fixture: owner has no email");
    await t.db.user.update({
      where: { id: owner.id },
      data: { passwordHash: "scrypt$set-by-anyone" },
    });
    await proveAddress(t.db, owner.id, new Date());
    const [mail, ...more] = await mailsTo(owner.email, 1);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe("The password of your Tradeoff account was removed");
    expect(mail?.text).toContain("before the address was confirmed");
    expect(mail?.text).toContain(`${APP_URL}/sign-in`);
  }, 40_000);
});

describe("after a member leaves the team", () => {
  it("tells a removed member nothing more of the team: not in the inbox, its count, an email still queued or the digest", async () => {
    // Nudges wait for Frank's digest; an opening is emailed right away.
    const { team, owner, member: frank } = await memberWithDigestOf(["nudge"]);
    const project = await openAndNudge(owner, team.id);
    const opened = await t.db.notification.findFirstOrThrow({
      where: { userId: frank.id, kind: "project.opened" },
      select: { id: true },
    });

    await owner.api.member.remove({ teamId: team.id, userId: frank.id });
    await owner.api.project.update({ projectId: project.id, title: "Secret new direction" });
    await owner.api.team.rename({ teamId: team.id, name: "Renamed after Frank left" });
    expect((await trpcError(frank.api.project.get({ projectId: project.id }))).code).toBe(
      "NOT_FOUND",
    );

    expect((await frank.api.notification.list()).items).toEqual([]);
    expect((await frank.api.notification.unreadCount()).unread).toBe(0);
    // The opening's email job, run now (as a queue that was behind would), sends nothing.
    expect(
      await sendNotificationEmail(t.db, worker.settings, {
        data: { notificationId: opened.id.toString() },
      }),
    ).toEqual({ sent: false });
    expect(
      await sendDigestEmail(t.db, worker.settings, {
        data: { userId: frank.id, day: digestDay(new Date()) },
      }),
    ).toEqual({ sent: false });
    const mails = await mailsTo(frank.email, 2, 2_000);
    const leaked = mails.filter((m) =>
      `${m.subject} ${m.text}`.match(/Secret new direction|Renamed after Frank left/),
    );
    expect(leaked.map((m) => m.subject)).toEqual([]);
    expect(mails.filter((m) => m.subject?.startsWith("Tradeoff:"))).toEqual([]);
  }, 40_000);
});

describe("invitation emails", () => {
  it("queues the email with the invitation: it arrives once with a link that opens the invitation", async () => {
    const { team, owner } = await teamWith(t);
    const admin = t.callerAs(owner, { emailEnabled: true, secret: SECRET });
    const created = await admin.invitation.create({
      teamId: team.id,
      email: "invited.person@example.com",
      role: "VIEWER",
    });
    expect(created.emailQueued).toBe(true);

    const [mail, ...more] = await mailsTo("invited.person@example.com", 1);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`${owner.name} invited you to ${team.name} on Tradeoff`);
    expect(mail?.text).toContain("as viewer");
    const link = `${APP_URL}/invite/${created.token}`;
    expect(mail?.text).toContain(link);
    expect(mail?.html).toContain(`href="${link}"`);
    // Its expiry reads as every other email writes a moment: in UTC, with the weekday.
    expect(mail?.text).toContain(`expires on ${utcDateTime(created.expiresAt)}.`);
    expect(mail?.text).toMatch(/expires on \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC\./);
    // The emailed link is the invitation's: its token opens it for the invited person.
    const token = new URL(
      /https:\/\/\S+\/invite\/\S+/.exec(mail?.text ?? "")?.[0] ?? APP_URL,
    ).pathname
      .split("/")
      .pop();
    const preview = await t.callerAs(null).invitation.preview({ token: token ?? "" });
    expect(preview).toMatchObject({ teamName: team.name, role: "VIEWER" });
    // The pending list says it was emailed, once the mail server took it.
    const [listed] = await admin.invitation.list({ teamId: team.id });
    expect(listed?.id).toBe(created.id);
    expect(listed?.emailedAt).toBeInstanceOf(Date);
    expect(listed?.emailedAt?.getTime()).toBeGreaterThanOrEqual(created.createdAt.getTime());
  }, 40_000);

  it("does not mark an invitation emailed when the mail server could not take its email", async () => {
    const { team, owner } = await teamWith(t);
    const admin = t.callerAs(owner);
    const created = await admin.invitation.create({
      teamId: team.id,
      email: "unreachable.server@example.com",
    });
    // A mail server that is down: nothing listens where it was.
    const gone = await startSmtpMailbox();
    await gone.close();
    const down: EmailSettings = {
      ...worker.settings,
      mailer: createSmtpMailer({ smtpUrl: gone.url, from: "Tradeoff <noreply@example.com>" }),
    };
    const job = {
      id: "00000000-0000-8000-8000-000000000001",
      data: {
        invitationId: created.id,
        tokenEncrypted: seal("invitationToken", created.token, SECRET),
      },
    };
    await expect(sendInvitationEmail(t.db, down, job)).rejects.toThrow();
    const [listed] = await admin.invitation.list({ teamId: team.id });
    expect(listed).toMatchObject({ id: created.id, emailedAt: null });
  }, 40_000);

  it("sends an existing account one email, the invitation's, and keeps the invitation in the inbox", async () => {
    const { team, owner } = await teamWith(t);
    const other = await teamWith(t);
    const invitee = other.owner;
    // The inbox holds the link only for an address proven by an emailed sign-in link.
    await t.db.user.update({ where: { id: invitee.id }, data: { emailVerified: new Date() } });
    if (!invitee.email) throw new Error("fixture: invitee has no email");
    const admin = t.callerAs(owner, { emailEnabled: true, secret: SECRET });
    await admin.invitation.create({ teamId: team.id, email: invitee.email, role: "MEMBER" });

    const mails = await mailsTo(invitee.email, 2, 5_000);
    expect(mails.map((m) => m.subject)).toEqual([
      `${owner.name} invited you to ${team.name} on Tradeoff`,
    ]);
    const inbox = (await invitee.api.notification.list()).items;
    expect(inbox.map((n) => n.kind)).toEqual(["team.invited"]);
    // Nor does the daily digest repeat it, even for someone who chose a digest for invitations
    // when that could still be chosen.
    await t.db.notificationPreference.create({
      data: { userId: invitee.id, kind: "team.invited", delivery: "DIGEST" },
    });
    const refused = await trpcError(
      invitee.api.notification.setPreference({ kind: "team.invited", delivery: "EMAIL" }),
    );
    expect(refused.message).toContain("Invitations always come as their own email");
    await admin.invitation.create({ teamId: team.id, email: invitee.email, role: "VIEWER" });
    // The day's run, whose digest email jobs this file's job queue sends.
    await queueDailyDigests(t.db);
    expect(
      (await mailsTo(invitee.email, 3, 3_000)).filter((m) => m.subject?.startsWith("Tradeoff:")),
    ).toEqual([]);
  }, 40_000);

  it("sends nothing for an invitation whose transaction rolled back", async () => {
    const { team, owner } = await teamWith(t);
    const invitationJobs = async () =>
      (
        await t.db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'invitation-email'`
      )[0]?.n;
    const jobsBefore = await invitationJobs();
    // Fails the invitation's transaction at its commit, after the job was written in it.
    await t.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_invitation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await t.db.$executeRawUnsafe(`
      CREATE CONSTRAINT TRIGGER refuse_invitation AFTER INSERT ON invitations
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (NEW.email = 'rolled.back@example.com') EXECUTE FUNCTION refuse_invitation()`);
    try {
      const admin = t.callerAs(owner, { emailEnabled: true, secret: SECRET });
      await expect(
        admin.invitation.create({ teamId: team.id, email: "rolled.back@example.com" }),
      ).rejects.toThrow();
    } finally {
      await t.db.$executeRawUnsafe("DROP TRIGGER refuse_invitation ON invitations");
      await t.db.$executeRawUnsafe("DROP FUNCTION refuse_invitation()");
    }
    expect(await t.db.invitation.count({ where: { email: "rolled.back@example.com" } })).toBe(0);
    expect(await invitationJobs()).toBe(jobsBefore);
    expect(await mailsTo("rolled.back@example.com", 1, 3_000)).toEqual([]);
  }, 40_000);
});
