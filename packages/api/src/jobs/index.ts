import type { PrismaClient } from "@tradeoff/db";
import { JOB_QUEUES, type JobDefinition } from "@tradeoff/db/jobs";
import { type EmailSettings, sendNotificationEmail } from "../services/notification/send-email";
import { type ReminderJob, sendDeadlineReminder } from "../services/reminder/deadline-reminders";

export type { EmailSettings, NotificationMailer } from "../services/notification/send-email";

/**
 * Every queue the app runs, with its handler; each instance registers all of them. Without
 * email settings (no SMTP_URL), email jobs complete without sending: email is off.
 */
export function appJobs(db: PrismaClient, email: EmailSettings | null = null): JobDefinition[] {
  return [
    {
      name: JOB_QUEUES.deadlineReminder,
      handle: async (job: { id: string; data: ReminderJob }) => {
        await sendDeadlineReminder(db, job);
      },
    },
    {
      name: JOB_QUEUES.notificationEmail,
      handle: async (job: { id: string; data: { notificationId: string } }) => {
        if (email) await sendNotificationEmail(db, email, job);
      },
    },
  ];
}
