import type { Prisma, PrismaClient } from "@tradeoff/db";
import { JOB_QUEUES, type JobProgress, jobId, jobProgress } from "@tradeoff/db/jobs";

/** The team's invitations that can still be used: not accepted, not revoked, not expired. */
export const pendingInvitationsOf = (teamId: string) =>
  ({
    teamId,
    acceptedAt: null,
    revokedAt: null,
    expiresAt: { gt: new Date() },
  }) satisfies Prisma.InvitationWhereInput;

/** An invitation's fields as its creator is answered and as the team's settings list it. */
export const invitationFields = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  createdAt: true,
  /** When its email reached the mail server; null: not emailed (an open link never is). */
  emailedAt: true,
} satisfies Prisma.InvitationSelect;

/**
 * How long a new invitation's email may wait for its first attempt before the list stops saying
 * it is being sent: the job worker looks for new jobs every 2 s, and an attempt that hangs
 * counts as lost after a minute (EMAIL_JOB_EXPIRE_SECONDS).
 */
export const EMAIL_SENDING_GRACE_MS = 2 * 60_000;

/**
 * Where an invitation's email stands. `emailed`: the mail server took it. `sending`: queued
 * moments ago and not yet refused. `retrying`: the mail server refused it (`failedAttempts`
 * times) and it is tried again. `failed`: every attempt was refused. `late`: no attempt was made
 * long after it was queued. `not-queued`: no email was queued (the server had no email set up).
 * Null for an open link, which is never emailed.
 */
export type InvitationDelivery =
  | "emailed"
  | "sending"
  | "retrying"
  | "failed"
  | "late"
  | "not-queued"
  | null;

function deliveryOf(
  invitation: { email: string | null; emailedAt: Date | null; createdAt: Date },
  job: JobProgress | undefined,
  now: number,
): InvitationDelivery {
  if (!invitation.email) return null;
  if (invitation.emailedAt) return "emailed";
  if (!job) return "not-queued";
  if (job.state === "failed" || job.state === "cancelled") return "failed";
  if (job.failedAttempts > 0) return "retrying";
  // Created or being sent, never refused: sending while fresh. (Completed without the mail
  // server taking it cannot happen to a pending invitation; it would be late too.)
  const fresh = now - invitation.createdAt.getTime() < EMAIL_SENDING_GRACE_MS;
  return job.state !== "completed" && fresh ? "sending" : "late";
}

/**
 * The team's pending invitations, newest first, with who made each and where each email stands
 * (the queue's job, read only for invitations to an address not emailed yet).
 */
export async function listPendingInvitations(db: PrismaClient, input: { teamId: string }) {
  const rows = await db.invitation.findMany({
    where: pendingInvitationsOf(input.teamId),
    orderBy: { createdAt: "desc" },
    select: { ...invitationFields, createdBy: { select: { id: true, name: true, email: true } } },
  });
  const jobOf = (id: string) => jobId(JOB_QUEUES.invitationEmail, id);
  const unsent = rows.filter((r) => r.email && !r.emailedAt).map((r) => jobOf(r.id));
  const jobs = await jobProgress(db, JOB_QUEUES.invitationEmail, unsent);
  const now = Date.now();
  return rows.map((row) => {
    const job = jobs.get(jobOf(row.id));
    return {
      ...row,
      delivery: deliveryOf(row, job, now),
      /** Attempts the mail server refused so far. */
      failedAttempts: row.emailedAt ? 0 : (job?.failedAttempts ?? 0),
    };
  });
}
