import type { PrismaClient } from "@tradeoff/db";
import { EMAIL_BATCH_SIZE, JOB_QUEUES, type JobDefinition } from "@tradeoff/db/jobs";
import { sendInvitationEmail } from "../services/invitation/invitation-email";
import { queueDailyDigests, sendDigestEmail } from "../services/notification/send-digests";
import {
  type EmailLog,
  type EmailSettings,
  sendNotificationEmail,
} from "../services/notification/send-email";
import { type ReminderJob, sendDeadlineReminder } from "../services/reminder/deadline-reminders";
import { sendPasswordRemovedEmail } from "../services/user/password-removed-email";
import { sendSignUpAttemptEmail } from "../services/user/sign-up-attempt-email";
import { sendWelcomeEmail } from "../services/user/welcome-email";
import type { DeliveryDeps } from "../services/webhook/deliver";
import type { WebhookDeliveryJob } from "../services/webhook/emit";
import { deliverInTurn, TeamTurns } from "../services/webhook/turns";

export type {
  EmailLog,
  EmailSettings,
  NotificationMailer,
} from "../services/notification/send-email";
export type { DeliveryDeps } from "../services/webhook/deliver";

/** What the webhook deliveries need; without it (no NEXTAUTH_SECRET) they cannot be signed. */
export type WebhookSettings = DeliveryDeps;

/**
 * Webhook deliveries one instance runs at once. A delivery waits up to 10 s for its receiver, so
 * one at a time would let hanging receivers delay every other delivery (20 of them: 200 s);
 * with 8, a prompt receiver is reached while others hang. Each instance adds 8 more.
 */
export const WEBHOOK_WORKERS = 8;

/**
 * Of those, how many one team's deliveries use at once: half. However many of a team's
 * receivers hang, the other half of the workers stays for the other teams; the team's further
 * deliveries wait their turn (`deliverInTurn`).
 */
export const TEAM_DELIVERY_WORKERS = WEBHOOK_WORKERS / 2;

/**
 * Every queue the app runs, with its handler; each instance registers all of them. Without
 * email settings (no SMTP_URL), email jobs complete without sending: email is off. Queues that
 * send one email per job fetch several at once (`EMAIL_BATCH_SIZE`), each still its own job.
 * `log` notes what the jobs decide not to do (an email no longer true by the time it goes out).
 */
export function appJobs(
  db: PrismaClient,
  emailSettings: EmailSettings | null = null,
  webhooks: WebhookSettings | null = null,
  log?: EmailLog,
): JobDefinition[] {
  const email = emailSettings && { ...emailSettings, log: emailSettings.log ?? log };
  const turns = new TeamTurns(TEAM_DELIVERY_WORKERS);
  /** A queue that sends one email a job, fetched several at once; without email settings, none. */
  const emailJob = <D>(
    name: string,
    send: (
      db: PrismaClient,
      settings: EmailSettings,
      job: { id: string; data: D },
    ) => Promise<unknown>,
  ): JobDefinition => ({
    name,
    batchSize: EMAIL_BATCH_SIZE,
    handle: async (job: { id: string; data: D }) => {
      if (email) await send(db, email, job);
    },
  });
  return [
    {
      // One attempt per job: the handler logs it and schedules the next itself (fake-clock
      // testable); pg-boss's own retries only cover a crash of the worker or the database.
      name: JOB_QUEUES.webhookDelivery,
      workers: WEBHOOK_WORKERS,
      handle: async (job: { id: string; data: WebhookDeliveryJob }) => {
        if (!webhooks) throw new Error("Webhook deliveries need NEXTAUTH_SECRET on this instance.");
        await deliverInTurn(db, webhooks, turns, job);
      },
    },
    {
      name: JOB_QUEUES.deadlineReminder,
      handle: async (job: { id: string; data: ReminderJob }) => {
        await sendDeadlineReminder(db, job);
      },
    },
    emailJob(JOB_QUEUES.notificationEmail, sendNotificationEmail),
    emailJob(JOB_QUEUES.signUpAttemptEmail, sendSignUpAttemptEmail),
    emailJob(JOB_QUEUES.passwordRemovedEmail, sendPasswordRemovedEmail),
    emailJob(JOB_QUEUES.welcomeEmail, sendWelcomeEmail),
    emailJob(JOB_QUEUES.invitationEmail, sendInvitationEmail),
    {
      // Every day at 08:00 UTC: a digest email job for each member who chose a daily digest
      // for some kinds and has something to read in it.
      name: JOB_QUEUES.dailyDigest,
      cron: "0 8 * * *",
      handle: async () => {
        if (email) await queueDailyDigests(db);
      },
    },
    emailJob(JOB_QUEUES.digestEmail, sendDigestEmail),
  ];
}
