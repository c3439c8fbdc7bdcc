import { createSmtpMailer } from "@tradeoff/auth";
import { type SmtpMailbox, startSmtpMailbox } from "@tradeoff/auth/testing";
import { createPrismaClient } from "@tradeoff/db";
import { startJobQueue } from "@tradeoff/db/jobs";
import { afterAll, beforeAll } from "vitest";
import { appJobs, type EmailSettings } from "../src/jobs";
import { stopWorker } from "./helpers";

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

/** An email the test SMTP server accepted, parsed. */
export type Mail = SmtpMailbox["received"][number];

/** The emails `mailbox` has received for `address`, in the order they arrived. */
export const mailsFor = (mailbox: SmtpMailbox, address: string) =>
  mailbox.received.filter((mail) => JSON.stringify(mail.to ?? "").includes(address));

/**
 * The emails `mailbox` has received for `address`, once there are `count` (or `timeoutMs` has
 * passed), read `settleMs` later still, so that a duplicate would have arrived too.
 */
export async function mailsArrived(
  mailbox: SmtpMailbox,
  address: string,
  count: number,
  { timeoutMs = 15_000, settleMs = 0 }: { timeoutMs?: number; settleMs?: number } = {},
) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end && mailsFor(mailbox, address).length < count) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
  return mailsFor(mailbox, address);
}

/** A raw header line of `mail`, as a mail client reads it (without its name). */
export const headerOf = (mail: Mail | undefined, key: string) =>
  mail?.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, "") ?? "";

/** The one-click unsubscribe link of `mail`, read from its List-Unsubscribe header. */
export const unsubscribeLink = (mail: Mail | undefined) =>
  new URL(headerOf(mail, "list-unsubscribe").replace(/^<|>$/g, ""));

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
    cleanups.push(() => stopWorker(boss, db));
  }, 60_000);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  return state;
}
