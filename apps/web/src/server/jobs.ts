import { appJobs, type EmailSettings, type WebhookSettings } from "@tradeoff/api";
import { createSmtpMailer, requireSecret } from "@tradeoff/auth";
import { startJobQueue } from "@tradeoff/db/jobs";
import { authEnv, env, mailEnv } from "~/env";
import { db } from "./db";
import { logger } from "./logger";

type Queue = Awaited<ReturnType<typeof startJobQueue>>;

let running: Promise<Queue | undefined> | undefined;
let stopping = false;

/**
 * This instance's worker of the durable job queue (reminders and other side effects that leave
 * the request), started with the server. Until it starts, jobs wait in the database: another
 * instance, or this one once the database is reachable, runs them. The server stops it when it
 * drains (`stopBackgroundJobs`).
 */
export function startBackgroundJobs(): void {
  if (running || stopping) return;
  running = Promise.resolve()
    .then(() =>
      startJobQueue({
        url: env().DATABASE_URL,
        jobs: appJobs(db(), emailSettings(), webhookSettings(), logger),
        onError: (err) => logger.warn({ err }, "job queue problem"),
      }),
    )
    .then(
      (queue) => {
        logger.info("job queue ready");
        return queue;
      },
      (err: unknown) => {
        logger.error({ err }, "job queue could not start; retrying in 10 s");
        running = undefined;
        setTimeout(startBackgroundJobs, 10_000).unref();
        return undefined;
      },
    );
}

/**
 * Stops this instance's worker when the server drains: it takes no new job, and the jobs in
 * progress (an email being sent, a webhook waiting for its receiver) finish within `timeoutMs`.
 * One still running then is marked failed and retried, by this or another instance, by its
 * queue's retry policy.
 */
export async function stopBackgroundJobs(timeoutMs: number): Promise<void> {
  stopping = true;
  const queue = await running;
  if (!queue) return;
  await queue.stop({ graceful: true, timeout: timeoutMs, wait: true });
  logger.info("job queue stopped");
}

/**
 * Whether the app sends email (SMTP_URL, EMAIL_FROM, and NEXTAUTH_URL for the links in them):
 * the sign-up page says "check your inbox" only then.
 */
export function emailConfigured(): boolean {
  const { SMTP_URL, EMAIL_FROM } = mailEnv();
  return Boolean(SMTP_URL && EMAIL_FROM && authEnv().NEXTAUTH_URL);
}

/**
 * Notification emails: on with SMTP_URL and EMAIL_FROM (and NEXTAUTH_URL for the links in
 * them); otherwise off, said once here at start and on the notification settings page.
 */
function emailSettings(): EmailSettings | null {
  const { SMTP_URL, EMAIL_FROM } = mailEnv();
  const auth = authEnv();
  if (!SMTP_URL || !EMAIL_FROM) {
    logger.info("notification emails are off: SMTP_URL is not set (the inbox works as usual)");
    return null;
  }
  if (!auth.NEXTAUTH_URL) {
    logger.warn(
      "notification emails are off: set NEXTAUTH_URL, the app's public URL, for their links",
    );
    return null;
  }
  return {
    mailer: createSmtpMailer({ smtpUrl: SMTP_URL, from: EMAIL_FROM }),
    appUrl: new URL(auth.NEXTAUTH_URL).origin,
    secret: requireSecret(auth),
  };
}

/** Webhook deliveries: signed with secrets encrypted under NEXTAUTH_SECRET. */
function webhookSettings(): WebhookSettings | null {
  const auth = authEnv();
  if (!auth.NEXTAUTH_SECRET) return null;
  return {
    appSecret: auth.NEXTAUTH_SECRET,
    appUrl: auth.NEXTAUTH_URL ? new URL(auth.NEXTAUTH_URL).origin : null,
  };
}
