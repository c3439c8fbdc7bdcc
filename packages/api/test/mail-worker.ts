import { createSmtpMailer } from "@tradeoff/auth";
import { type SmtpMailbox, startSmtpMailbox } from "@tradeoff/auth/testing";
import { createPrismaClient } from "@tradeoff/db";
import { startJobQueue } from "@tradeoff/db/jobs";
import { afterAll, beforeAll } from "vitest";
import { appJobs, type EmailSettings } from "../src/jobs";

/** The app's public origin in the tests' emails, and the secret that signs their unsubscribe links. */
export const APP_URL = "https://tradeoff.example.com";
export const UNSUBSCRIBE_SECRET = "a-test-secret-that-signs-unsubscribe-links";

/**
 * A real SMTP server in this process (every message it accepts is parsed and kept) and the app's
 * email settings sending to it, for the file's tests: started before them, stopped after. No job
 * queue runs: a test runs an email job when it chooses. Read `mailbox` and `settings` inside
 * tests, once they have started.
 */
export function useSmtpMailbox(options: Omit<EmailSettings, "mailer">) {
  const state = {} as { mailbox: SmtpMailbox; settings: EmailSettings };
  beforeAll(async () => {
    state.mailbox = await startSmtpMailbox();
    const mailer = createSmtpMailer({
      smtpUrl: state.mailbox.url,
      from: "Tradeoff <noreply@example.com>",
    });
    state.settings = { mailer, ...options };
  }, 60_000);
  afterAll(async () => {
    await state.mailbox?.close();
  });
  return state;
}

/**
 * `useSmtpMailbox`, with the app's job queue sending to it: its email jobs run as they would in
 * the app. The queue stops before the SMTP server does.
 */
export function useMailWorker(url: () => string, options: { appUrl: string; secret: string }) {
  const state = useSmtpMailbox(options);
  const cleanups: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    const db = createPrismaClient(url(), { poolSize: 2 });
    const boss = await startJobQueue({
      url: url(),
      jobs: appJobs(db, state.settings),
      pollingIntervalSeconds: 0.5,
    });
    cleanups.push(
      () => db.$disconnect(),
      () => boss.stop({ graceful: false, wait: true }),
    );
  }, 60_000);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  return state;
}
