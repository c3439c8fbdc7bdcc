import type { Prisma, PrismaClient } from "@tradeoff/db";
import { JOB_QUEUES, jobId, sendInTransaction } from "@tradeoff/db/jobs";
import { notifyUsers } from "../notification/notify";
import { emitWebhookEvent } from "../webhook/emit";
import { ballotProgress, isComplete } from "./ballot-progress";

const DEADLINE_REMINDER_QUEUE = JOB_QUEUES.deadlineReminder;

/** Hours before the deadline at which members with an incomplete ballot are reminded. */
export const REMINDER_HOURS = [24, 1] as const;

export type ReminderJob = { projectId: string; round: number; deadline: string; hoursLeft: number };

/**
 * Schedules the reminders of an open project's deadline, in the transaction that opened it,
 * reopened it or moved its deadline. Each job is named after its project, round, deadline and
 * hour, so scheduling twice writes it once; a reminder for an older deadline or round finds
 * the project changed and does nothing. Reminders whose time has already passed are skipped.
 */
export async function scheduleDeadlineReminders(
  tx: Prisma.TransactionClient,
  project: { id: string; round: number; deadline: Date | null },
  now = new Date(),
): Promise<number> {
  if (!project.deadline) return 0;
  let scheduled = 0;
  for (const hoursLeft of REMINDER_HOURS) {
    const startAfter = new Date(project.deadline.getTime() - hoursLeft * 3_600_000);
    if (startAfter <= now) continue;
    const deadline = project.deadline.toISOString();
    const data: ReminderJob = { projectId: project.id, round: project.round, deadline, hoursLeft };
    const id = jobId(
      DEADLINE_REMINDER_QUEUE,
      project.id,
      String(project.round),
      deadline,
      String(hoursLeft),
    );
    if (await sendInTransaction(tx, DEADLINE_REMINDER_QUEUE, data, { id, startAfter })) scheduled++;
  }
  return scheduled;
}

/**
 * The reminder job: tells each voter whose ballot is still incomplete that the deadline is
 * near. Nothing when the project is no longer open, its deadline or round changed, or everyone
 * is complete. A job run twice (after a crash) tells nobody twice: the notifications carry the
 * job's id and are written in one transaction with that check.
 */
export async function sendDeadlineReminder(
  db: PrismaClient,
  job: { id: string; data: ReminderJob },
): Promise<{ told: number }> {
  const { projectId, round, deadline, hoursLeft } = job.data;
  return db.$transaction(async (tx) => {
    const project = await tx.project.findUnique({
      where: { id: projectId },
      select: { id: true, teamId: true, status: true, round: true, deadline: true },
    });
    if (!project) return { told: 0 };
    // Closed, reopened as a new round, or given another deadline: this reminder is stale.
    const stale =
      project.status !== "OPEN" ||
      project.round !== round ||
      project.deadline?.toISOString() !== deadline;
    if (stale) return { told: 0 };
    const already = await tx.notification.findFirst({
      where: { projectId, kind: "deadline.near", data: { path: ["jobId"], equals: job.id } },
      select: { id: true },
    });
    if (already) return { told: 0 };
    const incomplete = (await ballotProgress(tx, project, { inTransaction: true })).filter(
      (p) => !isComplete(p),
    );
    const told = await notifyUsers(
      tx,
      incomplete.map((p) => p.userId),
      {
        kind: "deadline.near",
        teamId: project.teamId,
        projectId,
        actorId: null,
        data: { hoursLeft, deadline, jobId: job.id },
      },
    );
    // The team's webhooks hear of it once per reminder, when someone still has to vote.
    if (told > 0) {
      await emitWebhookEvent(tx, {
        event: "deadline.near",
        teamId: project.teamId,
        projectId,
        actorId: null,
        data: { hoursLeft, deadline },
      });
    }
    return { told };
  });
}
