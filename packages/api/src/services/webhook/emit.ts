import { randomUUID } from "node:crypto";
import type { Prisma } from "@tradeoff/db";
import { JOB_QUEUES, jobId, sendInTransaction } from "@tradeoff/db/jobs";
import { describeEvent, type EventDocument, type WebhookEvent } from "./events";

export type WebhookDeliveryJob = {
  deliveryId: string;
  attempt: number;
  /** How many times this attempt already waited for its team's turn (see deliverInTurn). */
  waited?: number;
};

/**
 * Enqueues attempt `attempt` of a delivery, in `tx`; its job id is derived (from the delivery,
 * the attempt and how often it waited for its team's turn), so it is sent once.
 */
export async function enqueueAttempt(
  tx: Prisma.TransactionClient,
  job: WebhookDeliveryJob,
  startAfter?: Date,
): Promise<void> {
  const waited = job.waited ? [`waited-${job.waited}`] : [];
  await sendInTransaction(tx, JOB_QUEUES.webhookDelivery, job, {
    id: jobId(JOB_QUEUES.webhookDelivery, job.deliveryId, String(job.attempt), ...waited),
    ...(startAfter ? { startAfter } : {}),
  });
}

/**
 * Tells the team's enabled webhooks subscribed to `event`, in the caller's transaction: one
 * delivery row and its first attempt's job per webhook, committed with the change itself.
 */
export async function emitWebhookEvent(
  tx: Prisma.TransactionClient,
  event: {
    event: WebhookEvent;
    teamId: string;
    projectId?: string | null;
    actorId: string | null;
    data?: Record<string, unknown>;
  },
  now = new Date(),
): Promise<number> {
  const webhooks = await tx.webhook.findMany({
    where: { teamId: event.teamId, enabled: true, events: { has: event.event } },
    select: { id: true },
  });
  if (webhooks.length === 0) return 0;
  // In turn, not at once: a transaction's one connection runs one query at a time.
  const team = await tx.team.findUniqueOrThrow({
    where: { id: event.teamId },
    select: { id: true, name: true, slug: true },
  });
  const project = event.projectId
    ? await tx.project.findUnique({
        where: { id: event.projectId },
        select: { id: true, title: true },
      })
    : null;
  const actor = event.actorId
    ? await tx.user.findUnique({ where: { id: event.actorId }, select: { id: true, name: true } })
    : null;
  const data = event.data ?? {};
  const doc: EventDocument = {
    version: 1,
    event: event.event,
    eventId: randomUUID(),
    occurredAt: now.toISOString(),
    team,
    project: project ? { ...project, path: `/t/${team.slug}/p/${project.id}`, url: null } : null,
    actor,
    text: describeEvent({
      event: event.event,
      actorName: actor?.name ?? null,
      projectTitle: project?.title ?? null,
      teamName: team.name,
      data,
    }),
    data,
  };
  for (const webhook of webhooks) {
    await createDelivery(tx, webhook.id, doc, now);
  }
  return webhooks.length;
}

/** A delivery of `doc` to one webhook and its first attempt's job. */
export async function createDelivery(
  tx: Prisma.TransactionClient,
  webhookId: string,
  doc: EventDocument,
  now: Date,
): Promise<string> {
  const deliveryId = randomUUID();
  await tx.webhookDelivery.create({
    data: {
      id: deliveryId,
      webhookId,
      event: doc.event,
      payload: doc as unknown as Prisma.InputJsonObject,
      createdAt: now,
      retriesFrom: now,
    },
  });
  await enqueueAttempt(tx, { deliveryId, attempt: 1 });
  return deliveryId;
}
