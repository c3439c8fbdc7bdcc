import { createSmtpMailer } from "@tradeoff/auth";
import { type SmtpMailbox, startSmtpMailbox } from "@tradeoff/auth/testing";
import { createPrismaClient } from "@tradeoff/db";
import { startJobQueue } from "@tradeoff/db/jobs";
import { afterAll, beforeAll } from "vitest";
import { appJobs, type EmailSettings } from "../src/jobs";

/**
 * A real SMTP server in this process (every message it accepts is parsed and kept) and the
 * app's job queue sending to it, for the file's tests: started before them, stopped after.
 * Read `mailbox` and `settings` inside tests, once they have started.
 */
export function useMailWorker(url: () => string, options: { appUrl: string; secret: string }) {
  const state = {} as { mailbox: SmtpMailbox; settings: EmailSettings };
  const cleanups: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    state.mailbox = await startSmtpMailbox();
    const db = createPrismaClient(url(), { poolSize: 2 });
    const mailer = createSmtpMailer({
      smtpUrl: state.mailbox.url,
      from: "Tradeoff <noreply@example.com>",
    });
    state.settings = { mailer, ...options };
    const boss = await startJobQueue({
      url: url(),
      jobs: appJobs(db, state.settings),
      pollingIntervalSeconds: 0.5,
    });
    cleanups.push(
      () => db.$disconnect(),
      () => boss.stop({ graceful: false, wait: true }),
      () => state.mailbox.close(),
    );
  }, 60_000);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  return state;
}
