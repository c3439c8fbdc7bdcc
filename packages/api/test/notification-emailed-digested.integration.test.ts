import { createSmtpMailer } from "@tradeoff/auth";
import { type SmtpMailbox, startSmtpMailbox } from "@tradeoff/auth/testing";
import { createTeam, createTestDatabaseBefore } from "@tradeoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendDigestEmail } from "../src/services/notification/send-digests";

/** The migration under test: it marks notifications already emailed as delivered. */
const MIGRATION = "20261206173000_notification_emailed_digested";
/** The first migration released with "a decision opening is emailed by default". */
const OPENING_EMAILED_SINCE = "20261205215437_comment_client_key";

let database: Awaited<ReturnType<typeof createTestDatabaseBefore>>;
let mailbox: SmtpMailbox;

beforeAll(async () => {
  database = await createTestDatabaseBefore(MIGRATION);
  mailbox = await startSmtpMailbox();
}, 60_000);
afterAll(async () => {
  await mailbox?.close();
  await database?.drop();
});

describe("notifications emailed before a sent email marked them delivered", () => {
  it("are marked delivered by the migration, so a daily digest chosen later lists only what was not emailed", async () => {
    const db = database.db;
    const [boundary] = await db.$queryRaw<{ at: Date }[]>`
      SELECT finished_at AS at FROM _prisma_migrations WHERE migration_name = ${OPENING_EMAILED_SINCE}`;
    if (!boundary) throw new Error("fixture: the boundary migration was not applied");
    const ana = await db.user.create({ data: { name: "Ana", email: "ana@example.com" } });
    const ben = await db.user.create({ data: { name: "Ben", email: "ben@example.com" } });
    const noEmail = await db.user.create({ data: { name: "No Email" } });
    const team = await createTeam(db, { ownerId: ana.id, name: "Payments" });
    // Ben chose the inbox only for nudges, and email for a decision closing.
    await db.notificationPreference.createMany({
      data: [
        { userId: ben.id, kind: "nudge", delivery: "IN_APP" },
        { userId: ben.id, kind: "project.closed", delivery: "EMAIL" },
      ],
    });
    const delivered = new Date("2026-12-04T08:00:00Z");
    /** A notification as written before: not marked delivered, whether emailed or not. */
    const written = async (
      userId: string,
      kind: string,
      title: string,
      createdAt: Date,
      digestedAt: Date | null = null,
    ) =>
      (
        await db.notification.create({
          data: {
            userId,
            teamId: team.id,
            kind,
            data: { projectTitle: title },
            createdAt,
            digestedAt,
          },
          select: { id: true },
        })
      ).id;
    const hour = 3_600_000;
    const before = new Date(boundary.at.getTime() - hour);
    const after = new Date(boundary.at.getTime() + hour);
    const rows = {
      anaNudge: await written(ana.id, "nudge", "Emailed nudge", before),
      anaClosed: await written(ana.id, "project.closed", "Inbox close", before),
      anaOpenedEarly: await written(ana.id, "project.opened", "Inbox opening", before),
      anaOpenedLater: await written(ana.id, "project.opened", "Emailed opening", after),
      anaDeadline: await written(ana.id, "deadline.near", "Digested deadline", before, delivered),
      anaInvited: await written(ana.id, "team.invited", "Invitation", before),
      benNudge: await written(ben.id, "nudge", "Ben inbox nudge", after),
      benClosed: await written(ben.id, "project.closed", "Ben emailed close", after),
      noEmailNudge: await written(noEmail.id, "nudge", "Nudge without email", after),
    };

    // The migration under test runs first; any later ones follow it.
    expect((await database.migrateRest()).applied[0]).toBe(MIGRATION);

    // Later, Ana chooses the daily digest for every kind she has.
    await db.notificationPreference.createMany({
      data: ["nudge", "project.closed", "project.opened", "deadline.near"].map((kind) => ({
        userId: ana.id,
        kind,
        delivery: "DIGEST" as const,
      })),
    });
    const mailer = createSmtpMailer({
      smtpUrl: mailbox.url,
      from: "Tradeoff <noreply@example.com>",
    });
    const settings = { mailer, appUrl: "https://tradeoff.example.com", secret: "test-secret" };
    expect(
      await sendDigestEmail(db, settings, { data: { userId: ana.id, day: "2026-12-07" } }),
    ).toEqual({ sent: true });
    await expect.poll(() => mailbox.received.length, { timeout: 10_000 }).toBe(1);
    const digest = mailbox.received[0];
    // Listed: what stayed in the inbox. Not listed again: what was emailed on its own.
    expect(digest?.subject).toBe("Tradeoff: 2 notifications today");
    const items = (digest?.text ?? "").split("\n").filter((line) => line.startsWith("- "));
    expect(items).toEqual([
      "- Someone closed voting on a decision.",
      "- Someone opened a decision for voting.",
    ]);

    const marked = await db.notification.findMany({
      where: { id: { in: Object.values(rows) } },
      select: { id: true, createdAt: true, digestedAt: true },
    });
    const byId = new Map(marked.map((row) => [row.id, row]));
    const digestedAt = (id: bigint) => byId.get(id)?.digestedAt ?? null;
    // Marked at the time they were written: when their email went out, give or take the queue.
    for (const id of [rows.anaNudge, rows.anaOpenedLater, rows.benClosed]) {
      expect(digestedAt(id)).toEqual(byId.get(id)?.createdAt);
    }
    expect(digestedAt(rows.anaDeadline)).toEqual(delivered);
    // Never emailed: the inbox only (by choice or default), an invitation, no email address.
    for (const id of [rows.anaInvited, rows.benNudge, rows.noEmailNudge]) {
      expect(digestedAt(id)).toBeNull();
    }
  }, 60_000);
});
