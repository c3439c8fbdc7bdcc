import { createSmtpMailer } from "@tradeoff/auth";
import { type SmtpMailbox, startSmtpMailbox } from "@tradeoff/auth/testing";
import { createPrismaClient } from "@tradeoff/db";
import { JOB_QUEUES, startJobQueue } from "@tradeoff/db/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appJobs, type EmailSettings } from "../src/jobs";
import { stopWorker, useTestDatabase } from "./helpers";
import { blankInput, teamWith } from "./project-fixtures";

/**
 * The daily digest run by the real job queue (pg-boss on this test's PostgreSQL) against a real
 * SMTP server that is slow to accept each message, so a run for several members outlasts the
 * digest job's expiry (shortened here to pg-boss's minimum, one second) and pg-boss runs it
 * again while the first run is still sending.
 */
const t = useTestDatabase();
const APP_URL = "https://tradeoff.example.com";
/** How long the mail server takes to accept each message. */
const ACCEPT_AFTER_MS = 700;
const MEMBERS = 4;

let mailbox: SmtpMailbox;
let boss: Awaited<ReturnType<typeof startJobQueue>>;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  mailbox = await startSmtpMailbox({ acceptAfterMs: ACCEPT_AFTER_MS });
  const db = createPrismaClient(t.url, { poolSize: 4 });
  const mailer = createSmtpMailer({ smtpUrl: mailbox.url, from: "Tradeoff <noreply@example.com>" });
  const settings: EmailSettings = { mailer, appUrl: APP_URL, secret: "digest-test-secret" };
  const jobs = appJobs(db, settings).map((job) =>
    job.name === JOB_QUEUES.dailyDigest
      ? {
          ...job,
          cron: undefined,
          expireInSeconds: 1,
          retry: { retryLimit: 3, retryDelay: 1, retryBackoff: false },
        }
      : job,
  );
  boss = await startJobQueue({ url: t.url, jobs, pollingIntervalSeconds: 0.5 });
  cleanups.push(
    () => stopWorker(boss, db),
    () => mailbox.close(),
  );
}, 60_000);
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const digestsTo = (address: string) =>
  mailbox.received.filter(
    (mail) =>
      JSON.stringify(mail.to ?? "").includes(address) && mail.subject?.startsWith("Tradeoff:"),
  );

/** Waits until every address has a digest, then until no mail has arrived for `quietMs`. */
async function settledDigests(addresses: string[], quietMs: number) {
  const end = Date.now() + 60_000;
  while (Date.now() < end && addresses.some((a) => digestsTo(a).length === 0)) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  let seen = -1;
  while (Date.now() < end && seen !== mailbox.received.length) {
    seen = mailbox.received.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
  return new Map(addresses.map((a) => [a, digestsTo(a)]));
}

describe("the daily digest", () => {
  it("sends each member one digest a day, even when the run outlasts its expiry and runs again", async () => {
    const roles = Array.from({ length: MEMBERS }, () => "MEMBER" as const);
    const { team, owner, people } = await teamWith(t, roles);
    const members = people.filter((p) => p.role === "MEMBER");
    for (const member of members) {
      for (const kind of ["nudge", "project.opened"] as const) {
        await member.api.notification.setPreference({ kind, delivery: "DIGEST" });
      }
    }
    const project = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: project.id });
    await owner.api.project.nudge({ projectId: project.id });

    // The day's run, as the schedule sends it.
    await boss.send(JOB_QUEUES.dailyDigest, {});
    const addresses = members.map((m) => m.email ?? "");
    const received = await settledDigests(addresses, 3 * ACCEPT_AFTER_MS + 2_000);
    expect(
      Object.fromEntries([...received].map(([address, mails]) => [address, mails.length])),
    ).toEqual(Object.fromEntries(addresses.map((a) => [a, 1])));
    for (const mails of received.values()) {
      expect(mails[0]?.subject).toBe("Tradeoff: 2 notifications today");
      expect(mails[0]?.text).toContain(`${APP_URL}/t/${team.slug}/p/${project.id}`);
    }
    expect(
      await t.db.notification.count({
        where: { userId: { in: members.map((m) => m.id) }, digestedAt: null },
      }),
    ).toBe(0);

    // Run again the same day (a run repeated by hand, a second schedule): one digest a day
    // still; what arrived since waits for the next day's.
    await owner.api.project.nudge({ projectId: project.id }).catch(() => undefined);
    await owner.api.project.close({ projectId: project.id }).catch(() => undefined);
    const first = members[0];
    if (!first) throw new Error("fixture: no member");
    await first.api.notification.setPreference({ kind: "project.closed", delivery: "DIGEST" });
    await boss.send(JOB_QUEUES.dailyDigest, {});
    await new Promise((resolve) => setTimeout(resolve, 3 * ACCEPT_AFTER_MS + 3_000));
    expect(digestsTo(first.email ?? "")).toHaveLength(1);
    expect(
      await t.db.notification.count({
        where: { userId: first.id, kind: "project.closed", digestedAt: null },
      }),
    ).toBe(1);
  }, 90_000);
});
