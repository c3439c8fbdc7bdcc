import { createSmtpMailer } from "@tradeoff/auth";
import { startSmtpMailbox } from "@tradeoff/auth/testing";
import { createPrismaClient } from "@tradeoff/db";
import { JOB_QUEUES, jobId, jobProgress, startJobQueue } from "@tradeoff/db/jobs";
import { describe, expect, it } from "vitest";
import { appJobs } from "../src/jobs";
import { stopWorker, useTestDatabase } from "./helpers";
import { teamWith } from "./project-fixtures";

const t = useTestDatabase();
const SECRET = "a-test-secret-that-seals-invitation-links";

/** An admin's invitation to `email` on a server that sends email; its email job is queued. */
async function invited(email: string) {
  const { team, owner } = await teamWith(t);
  const admin = t.callerAs(owner, { emailEnabled: true, secret: SECRET });
  const created = await admin.invitation.create({ teamId: team.id, email });
  const listed = async () => {
    const rows = await admin.invitation.list({ teamId: team.id });
    return rows.find((r) => r.id === created.id);
  };
  return { created, listed, job: jobId(JOB_QUEUES.invitationEmail, created.id), admin, team };
}

async function until(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("Timed out waiting.");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("the pending list says where an invitation's email stands", () => {
  it("is sending while its fresh email job has not been tried yet: no warning", async () => {
    const { listed } = await invited("fresh@example.com");
    expect(await listed()).toMatchObject({
      emailedAt: null,
      delivery: "sending",
      failedAttempts: 0,
    });
  });

  it("says the mail server refused it once an attempt failed, how many times, and when every attempt failed", async () => {
    // A mail server that is down (nothing listens where it was), and this process's worker,
    // retrying once a second later.
    const gone = await startSmtpMailbox();
    await gone.close();
    const mailer = createSmtpMailer({ smtpUrl: gone.url, from: "Tradeoff <noreply@example.com>" });
    const db = createPrismaClient(t.url, { poolSize: 2 });
    const jobs = appJobs(db, { mailer, appUrl: "https://tradeoff.example.com", secret: SECRET })
      .filter((job) => job.name === JOB_QUEUES.invitationEmail)
      .map((job) => ({ ...job, retry: { retryLimit: 1, retryDelay: 1, retryBackoff: false } }));
    const boss = await startJobQueue({ url: t.url, jobs, pollingIntervalSeconds: 0.5 });
    try {
      const { listed, job } = await invited("refused@example.com");
      await until(async () => (await listed())?.delivery !== "sending");
      expect(await listed()).toMatchObject({
        emailedAt: null,
        delivery: "retrying",
        failedAttempts: 1,
      });
      await until(async () => (await listed())?.delivery === "failed");
      expect(await listed()).toMatchObject({ failedAttempts: 2 });
      const progress = await jobProgress(t.db, JOB_QUEUES.invitationEmail, [job]);
      expect(progress.get(job)).toEqual({ state: "failed", failedAttempts: 2 });
    } finally {
      await stopWorker(boss, db);
    }
  }, 40_000);

  it("warns once a reasonable time passed with no attempt (no worker took it)", async () => {
    const { listed, created } = await invited("waiting@example.com");
    await t.db.invitation.update({
      where: { id: created.id },
      data: { createdAt: new Date(Date.now() - 10 * 60_000) },
    });
    expect(await listed()).toMatchObject({ delivery: "late", failedAttempts: 0 });
  });

  it("is emailed once the mail server took it; an open link has no email, and one made without email set up was never queued", async () => {
    const { listed, created, admin, team } = await invited("taken@example.com");
    await t.db.invitation.update({ where: { id: created.id }, data: { emailedAt: new Date() } });
    expect(await listed()).toMatchObject({ delivery: "emailed" });
    await admin.invitation.create({ teamId: team.id, email: "" });
    const rows = await admin.invitation.list({ teamId: team.id });
    expect(rows.find((r) => r.email === null)).toMatchObject({ delivery: null });
    const { owner, team: other } = await teamWith(t);
    await t.callerAs(owner).invitation.create({ teamId: other.id, email: "by-hand@example.com" });
    const [byHand] = await t.callerAs(owner).invitation.list({ teamId: other.id });
    expect(byHand).toMatchObject({ delivery: "not-queued" });
  });
});
