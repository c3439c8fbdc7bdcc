import type { PrismaClient } from "@tradeoff/db";
import { JOB_QUEUES, type JobDefinition } from "@tradeoff/db/jobs";
import { type ReminderJob, sendDeadlineReminder } from "../services/reminder/deadline-reminders";

/** Every queue the app runs, with its handler; each instance registers all of them. */
export function appJobs(db: PrismaClient): JobDefinition[] {
  return [
    {
      name: JOB_QUEUES.deadlineReminder,
      handle: async (job: { id: string; data: ReminderJob }) => {
        await sendDeadlineReminder(db, job);
      },
    },
  ];
}
