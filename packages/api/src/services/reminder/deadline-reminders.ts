import type { Prisma, PrismaClient } from "@tradeoff/db";
import { JOB_QUEUES, jobId, sendInTransaction } from "@tradeoff/db/jobs";
import { notifyUsers } from "../notification/notify";
import { emitWebhookEvent } from "../webhook/emit";
import { ballotProgress, isComplete } from "./ballot-progress";

const DEADLINE_REMINDER_QUEUE = JOB_QUEUES.deadlineReminder;

/** Hours before the deadline at which members with an incomplete ballot are reminded. */
export const REMINDER_HOURS = [24, 1] as const;

/**
 * A reminder whose time has already passed when the deadline is set (a decision opened 10 hours
 * before its deadline misses the 24-hour one) is sent right away instead, unless the next
 * reminder falls due within this long and says it soon enough.
 */
const CATCH_UP_MARGIN_MS = 3_600_000;

/**
 * A reminder job. `hoursLeft` is the time before the deadline it was scheduled for; 0 marks the
 * one sent right away, whose words say the time really left when it runs.
 */
export type ReminderJob = { projectId: string; round: number; deadline: string; hoursLeft: number };

/**
 * Schedules the reminders of an open project's deadline, in the transaction that opened it,
 * reopened it or moved its deadline. Each job is named after its project, round, deadline and
 * hour, so scheduling twice writes it once; a reminder for an older deadline or round finds
 * the project changed and does nothing. When one reminder's time or more has already passed
 * but the deadline has not, one reminder goes out right away in their place (see
 * CATCH_UP_MARGIN_MS); a deadline already passed gets none.
 */
export async function scheduleDeadlineReminders(
  tx: Prisma.TransactionClient,
  project: { id: string; round: number; deadline: Date | null },
  now = new Date(),
): Promise<number> {
  if (!project.deadline || project.deadline <= now) return 0;
  const deadline = project.deadline.toISOString();
  const at = project.deadline.getTime();
  const due = REMINDER_HOURS.map((hoursLeft) => ({
    hoursLeft,
    startAfter: new Date(at - hoursLeft * 3_600_000),
  }));
  const upcoming = due.filter((r) => r.startAfter > now);
  const missed = upcoming.length < due.length;
  const nextAt = Math.min(...upcoming.map((r) => r.startAfter.getTime()));
  const jobs =
    missed && nextAt - now.getTime() > CATCH_UP_MARGIN_MS
      ? [{ hoursLeft: 0, startAfter: now }, ...upcoming]
      : upcoming;
  let scheduled = 0;
  for (const { hoursLeft, startAfter } of jobs) {
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
  now = new Date(),
): Promise<{ told: number }> {
  const { projectId, round, deadline } = job.data;
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
    // One sent right away says the time really left; a deadline passed meanwhile gets nothing.
    const left = job.data.hoursLeft > 0 ? null : Date.parse(deadline) - now.getTime();
    if (left !== null && left <= 0) return { told: 0 };
    const timeLeft =
      left === null
        ? { hoursLeft: job.data.hoursLeft }
        : {
            hoursLeft: Math.round(left / 3_600_000),
            minutesLeft: Math.max(1, Math.round(left / 60_000)),
          };
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
        data: { ...timeLeft, deadline, jobId: job.id },
      },
    );
    // The team's webhooks hear of it once per reminder, when someone still has to vote.
    if (told > 0) {
      await emitWebhookEvent(tx, {
        event: "deadline.near",
        teamId: project.teamId,
        projectId,
        actorId: null,
        data: { ...timeLeft, deadline },
      });
    }
    return { told };
  });
}
