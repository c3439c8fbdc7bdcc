import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient, WebhookFormat } from "@tradeoff/db";
import { DomainError, notFound } from "../../errors";
import { MAX_WEBHOOKS_PER_TEAM } from "../../schemas/webhook";
import { recordAuditEvent } from "../audit/record-audit-event";
import { lockedActorRole } from "../member/current-role";
import { createDelivery, enqueueAttempt } from "./emit";
import { describeEvent, type EventDocument, TEST_EVENT, type WebhookEvent } from "./events";
import { encryptSecret, newWebhookSecret } from "./secret";

/**
 * Team admins' management of outgoing webhooks. Every query is scoped by the team the caller
 * was checked against: a webhook or delivery of another team is "not found".
 */

const webhookSelect = {
  id: true,
  url: true,
  events: true,
  format: true,
  enabled: true,
  disabledReason: true,
  failingSince: true,
  createdAt: true,
} as const;

function requireAppSecret(appSecret: string | null): string {
  if (appSecret) return appSecret;
  throw new DomainError(
    "PRECONDITION_FAILED",
    "Webhooks need NEXTAUTH_SECRET set on the server (it encrypts their signing secrets).",
  );
}

export async function listWebhooks(db: PrismaClient, input: { teamId: string }) {
  return db.webhook.findMany({
    where: { teamId: input.teamId },
    select: webhookSelect,
    orderBy: { createdAt: "asc" },
  });
}

/** Creates a webhook; its secret is in the answer and never shown again. */
export async function createWebhook(
  db: PrismaClient,
  appSecret: string | null,
  input: {
    teamId: string;
    actorId: string;
    url: string;
    events: WebhookEvent[];
    format: WebhookFormat;
  },
) {
  const key = requireAppSecret(appSecret);
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    // Serialises creations per team, so the limit holds under concurrent requests; and the
    // role as it stands under the lock: an admin removed or demoted while this waited (whose
    // webhooks that change turned off) creates none.
    await lockedActorRole(tx, { teamId: input.teamId, actorId: input.actorId, minRole: "ADMIN" });
    const count = await tx.webhook.count({ where: { teamId: input.teamId } });
    if (count >= MAX_WEBHOOKS_PER_TEAM) {
      throw new DomainError(
        "BAD_REQUEST",
        `A team can have at most ${MAX_WEBHOOKS_PER_TEAM} webhooks: remove one first.`,
      );
    }
    await refuseSameReceiver(tx, input);
    const webhook = await tx.webhook.create({
      data: {
        teamId: input.teamId,
        url: input.url,
        events: input.events,
        format: input.format,
        secretEncrypted: encryptSecret(secret, key),
        createdById: input.actorId,
      },
      select: webhookSelect,
    });
    await recordAuditEvent(tx, {
      teamId: input.teamId,
      actorId: input.actorId,
      action: "webhook.created",
      data: { url: input.url, events: input.events, format: input.format },
    });
    return { webhook, secret };
  });
}

/**
 * Two webhooks to one address in one format would deliver every event they share twice (a
 * double submit or a retried request makes exactly that). Another format is another receiver's
 * contract, so it may share the address. Runs under the team's row lock taken by the caller.
 */
async function refuseSameReceiver(
  tx: Prisma.TransactionClient,
  input: { teamId: string; url: string; format: WebhookFormat; exceptId?: string },
) {
  const same = await tx.webhook.findFirst({
    where: {
      teamId: input.teamId,
      url: input.url,
      format: input.format,
      ...(input.exceptId ? { id: { not: input.exceptId } } : {}),
    },
    select: { id: true },
  });
  if (same) {
    const what = input.format === "SLACK" ? "Slack messages" : "JSON events";
    throw new DomainError(
      "CONFLICT",
      `This team already sends ${what} to ${input.url}: change that webhook's events instead of adding another.`,
    );
  }
}

async function findWebhook(db: PrismaClient, teamId: string, webhookId: string) {
  const webhook = await db.webhook.findFirst({
    where: { id: webhookId, teamId },
    select: webhookSelect,
  });
  if (!webhook) throw notFound("Webhook");
  return webhook;
}

export async function updateWebhook(
  db: PrismaClient,
  input: {
    teamId: string;
    actorId: string;
    webhookId: string;
    url?: string | undefined;
    events?: WebhookEvent[] | undefined;
    format?: WebhookFormat | undefined;
    enabled?: boolean | undefined;
  },
) {
  const current = await findWebhook(db, input.teamId, input.webhookId);
  const turningOn = input.enabled === true && !current.enabled;
  const turningOff = input.enabled === false && current.enabled;
  const change = {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.events !== undefined ? { events: input.events } : {}),
    ...(input.format !== undefined ? { format: input.format } : {}),
  };
  return db.$transaction(async (tx) => {
    // Turning one on, or pointing it elsewhere, needs the admin role as it stands under the
    // team's lock: an admin removed or demoted meanwhile (their webhooks turned off by that
    // change) cannot turn theirs back on.
    if (turningOn || input.url !== undefined || input.format !== undefined) {
      await lockedActorRole(tx, { teamId: input.teamId, actorId: input.actorId, minRole: "ADMIN" });
    }
    if (input.url !== undefined || input.format !== undefined) {
      await refuseSameReceiver(tx, {
        teamId: input.teamId,
        url: input.url ?? current.url,
        format: input.format ?? current.format,
        exceptId: current.id,
      });
    }
    const webhook = await tx.webhook.update({
      where: { id: current.id },
      data: {
        ...change,
        ...(turningOn ? { enabled: true, disabledReason: null, failingSince: null } : {}),
        ...(turningOff ? { enabled: false, disabledReason: "Turned off by an admin." } : {}),
      },
      select: webhookSelect,
    });
    await recordAuditEvent(tx, {
      teamId: input.teamId,
      actorId: input.actorId,
      action: "webhook.changed",
      data: {
        url: webhook.url,
        ...change,
        ...(turningOn ? { enabled: true } : turningOff ? { enabled: false } : {}),
      },
    });
    return webhook;
  });
}

/** A new secret; the old one stops signing at once. Shown once, in the answer. */
export async function rotateWebhookSecret(
  db: PrismaClient,
  appSecret: string | null,
  input: { teamId: string; actorId: string; webhookId: string },
) {
  const key = requireAppSecret(appSecret);
  const current = await findWebhook(db, input.teamId, input.webhookId);
  const secret = newWebhookSecret();
  await db.$transaction(async (tx) => {
    // The admin role as it stands under the team's lock, as for a change of address: an admin
    // removed or demoted while this waited gives no receiver a new secret.
    await lockedActorRole(tx, { teamId: input.teamId, actorId: input.actorId, minRole: "ADMIN" });
    await tx.webhook.update({
      where: { id: current.id },
      data: { secretEncrypted: encryptSecret(secret, key) },
    });
    await recordAuditEvent(tx, {
      teamId: input.teamId,
      actorId: input.actorId,
      action: "webhook.secret_rotated",
      data: { url: current.url },
    });
  });
  return { secret };
}

export async function deleteWebhook(
  db: PrismaClient,
  input: { teamId: string; actorId: string; webhookId: string },
) {
  const current = await findWebhook(db, input.teamId, input.webhookId);
  await db.$transaction(async (tx) => {
    // The admin role as it stands under the team's lock: an admin removed or demoted while this
    // waited deletes nothing.
    await lockedActorRole(tx, { teamId: input.teamId, actorId: input.actorId, minRole: "ADMIN" });
    // Its deliveries and their log go with it; their queued attempts find nothing and stop.
    await tx.webhook.delete({ where: { id: current.id } });
    await recordAuditEvent(tx, {
      teamId: input.teamId,
      actorId: input.actorId,
      action: "webhook.deleted",
      data: { url: current.url },
    });
  });
  return { deleted: true };
}

/** The delivery log: newest first, each with its attempts. */
export async function listDeliveries(
  db: PrismaClient,
  input: { teamId: string; webhookId: string; limit: number },
) {
  await findWebhook(db, input.teamId, input.webhookId);
  const deliveries = await db.webhookDelivery.findMany({
    where: { webhookId: input.webhookId },
    orderBy: { createdAt: "desc" },
    take: input.limit,
    select: {
      id: true,
      event: true,
      status: true,
      createdAt: true,
      attempts: {
        orderBy: { attempt: "desc" },
        select: {
          attempt: true,
          at: true,
          statusCode: true,
          durationMs: true,
          ok: true,
          responseExcerpt: true,
        },
      },
    },
  });
  return deliveries;
}

/** Sends a `webhook.test` event to an enabled webhook now; it shows in the log like any delivery. */
export async function sendTestEvent(
  db: PrismaClient,
  input: { teamId: string; webhookId: string; actorId: string },
) {
  const webhook = await findWebhook(db, input.teamId, input.webhookId);
  if (!webhook.enabled) {
    throw new DomainError(
      "CONFLICT",
      "This webhook is turned off: turn it on to send a test event.",
    );
  }
  return db.$transaction(async (tx) => {
    // In turn, not at once: a transaction's one connection runs one query at a time.
    const team = await tx.team.findUniqueOrThrow({
      where: { id: input.teamId },
      select: { id: true, name: true, slug: true },
    });
    const actor = await tx.user.findUnique({
      where: { id: input.actorId },
      select: { id: true, name: true },
    });
    const now = new Date();
    const doc: EventDocument = {
      version: 1,
      event: TEST_EVENT,
      eventId: randomUUID(),
      occurredAt: now.toISOString(),
      team,
      project: null,
      actor,
      text: describeEvent({
        event: TEST_EVENT,
        actorName: actor?.name ?? null,
        projectTitle: null,
        teamName: team.name,
        data: {},
      }),
      data: {},
    };
    const deliveryId = await createDelivery(tx, webhook.id, doc, now);
    return { deliveryId };
  });
}

/**
 * Sends a delivery again, with the same id and body (a new signature and timestamp): for a
 * receiver that lost one, or one that failed for good. A delivery still being retried is left
 * to its retries.
 */
export async function redeliver(db: PrismaClient, input: { teamId: string; deliveryId: string }) {
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: input.deliveryId, webhook: { teamId: input.teamId } },
      select: { id: true, status: true, nextAttempt: true, webhook: { select: { enabled: true } } },
    });
    if (!delivery) throw notFound("Delivery");
    if (delivery.status === "PENDING") {
      throw new DomainError(
        "CONFLICT",
        "This delivery is still being attempted: its next attempt is already scheduled.",
      );
    }
    if (!delivery.webhook.enabled) {
      throw new DomainError("CONFLICT", "This webhook is turned off: turn it on to redeliver.");
    }
    const claimed = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, status: delivery.status, nextAttempt: delivery.nextAttempt },
      data: { status: "PENDING", retriesFrom: new Date() },
    });
    if (claimed.count === 0) {
      throw new DomainError("CONFLICT", "This delivery was just redelivered: see the log.");
    }
    await enqueueAttempt(tx, { deliveryId: delivery.id, attempt: delivery.nextAttempt });
    return { deliveryId: delivery.id, attempt: delivery.nextAttempt };
  });
}
