import { performance } from "node:perf_hooks";
import type { PrismaClient } from "@tradeoff/db";
import { notifyTeam } from "../notification/notify";
import { privateNetworksAllowed, type Resolver, systemResolver } from "./address";
import { enqueueAttempt, type WebhookDeliveryJob } from "./emit";
import { type EventDocument, renderBody, withAppUrl } from "./events";
import { decryptSecret, signDelivery } from "./secret";
import { postDelivery, type SendOutcome } from "./send";

/** Retries stop this long after a delivery's first attempt (or its redelivery). */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
/** A webhook whose deliveries fail for this long is turned off and its admins are told. */
export const DISABLE_AFTER_MS = 24 * 3_600_000;

/** Wait before attempt `attempt + 1`: 10 s, 20 s, 40 s, ... doubling, at most an hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(10_000 * 2 ** (attempt - 1), 3_600_000);
}

export type DeliveryDeps = {
  /** NEXTAUTH_SECRET: the key of the stored webhook secrets. */
  appSecret: string;
  /** The app's public address, for the project links in events (null: links left out). */
  appUrl: string | null;
  /** The clock (tests pass a fake one). */
  now?: () => Date;
  resolve?: Resolver;
  allowPrivate?: boolean;
  timeoutMs?: number;
};

export type AttemptResult =
  | { kind: "stale" }
  | { kind: "delivered"; statusCode: number }
  | { kind: "retry"; at: Date; outcome: SendOutcome }
  | { kind: "failed"; outcome: SendOutcome; disabled: boolean };

/**
 * The webhook-delivery job: one attempt of one delivery. The request carries the delivery's
 * id, so a repeat (a worker that died after sending and before recording) is recognisable by
 * the receiver. The outcome is logged; a failure schedules the next attempt as its own job
 * (exponential backoff, for 24 h), then the delivery fails and the webhook is turned off.
 */
export async function attemptDelivery(
  db: PrismaClient,
  deps: DeliveryDeps,
  job: { id?: string; data: WebhookDeliveryJob },
): Promise<AttemptResult> {
  const now = deps.now ?? (() => new Date());
  const { deliveryId, attempt } = job.data;
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { webhook: true },
  });
  // Gone with its webhook, already settled, or superseded by a later attempt: nothing to do.
  if (delivery?.status !== "PENDING" || delivery.nextAttempt !== attempt) {
    return { kind: "stale" };
  }
  const { webhook } = delivery;
  const startedAt = now();
  const started = performance.now();
  let outcome: SendOutcome;
  if (!webhook.enabled) {
    outcome = { statusCode: null, ok: false, excerpt: "Not sent: the webhook is turned off." };
  } else {
    outcome = await send(webhook, delivery.payload as unknown as EventDocument, deliveryId, {
      ...deps,
      timestamp: Math.floor(startedAt.getTime() / 1000),
    });
  }
  const durationMs = Math.round(performance.now() - started);
  const finishedAt = now();

  return db.$transaction(async (tx) => {
    // Claims the attempt: a second run of the same attempt finds it recorded and stops here.
    const claimed = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, status: "PENDING", nextAttempt: attempt },
      data: { nextAttempt: attempt + 1 },
    });
    if (claimed.count === 0) return { kind: "stale" } as const;
    await tx.webhookAttempt.create({
      data: {
        deliveryId,
        attempt,
        at: startedAt,
        statusCode: outcome.statusCode,
        durationMs,
        ok: outcome.ok,
        responseExcerpt: outcome.excerpt,
      },
    });
    if (outcome.ok) {
      await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "DELIVERED" } });
      await tx.webhook.update({ where: { id: webhook.id }, data: { failingSince: null } });
      return { kind: "delivered", statusCode: outcome.statusCode ?? 0 } as const;
    }
    const failingSince = webhook.failingSince ?? startedAt;
    const retryAt = new Date(finishedAt.getTime() + retryDelayMs(attempt));
    const retriesLeft =
      webhook.enabled && retryAt.getTime() - delivery.retriesFrom.getTime() <= RETRY_WINDOW_MS;
    if (retriesLeft) {
      await enqueueAttempt(tx, { deliveryId, attempt: attempt + 1 }, retryAt);
    } else {
      await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED" } });
    }
    // Failing for 24 h: either failures span a day, or one delivery used up its day of retries.
    const turnOff =
      webhook.enabled &&
      (finishedAt.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS || !retriesLeft);
    // Turning it off tells the team's admins (notifyTeam refers to the team's row): the team's
    // row first, as removals lock it before they turn off the webhooks of whoever leaves.
    if (turnOff) {
      await tx.$queryRaw`SELECT id FROM teams WHERE id = ${webhook.teamId} FOR KEY SHARE`;
    }
    // Only this run's change of the row counts (another delivery may turn it off first).
    const changed = await tx.webhook.updateMany({
      where: { id: webhook.id, enabled: webhook.enabled },
      data: turnOff
        ? {
            enabled: false,
            failingSince,
            disabledReason: `Turned off on ${finishedAt.toISOString()}: deliveries failed for 24 hours (last: ${outcome.excerpt.slice(0, 200)}).`,
          }
        : { failingSince },
    });
    if (turnOff && changed.count > 0) {
      const team = await tx.team.findUniqueOrThrow({
        where: { id: webhook.teamId },
        select: { slug: true },
      });
      await notifyTeam(tx, "ADMIN", {
        kind: "webhook.disabled",
        teamId: webhook.teamId,
        actorId: null,
        data: {
          webhookId: webhook.id,
          host: new URL(webhook.url).host,
          settingsPath: `/t/${team.slug}/settings#webhooks`,
        },
      });
    }
    return retriesLeft
      ? ({ kind: "retry", at: retryAt, outcome } as const)
      : ({ kind: "failed", outcome, disabled: turnOff && changed.count > 0 } as const);
  });
}

/** The signed request of one attempt. */
async function send(
  webhook: { url: string; format: "JSON" | "SLACK"; secretEncrypted: string },
  payload: EventDocument,
  deliveryId: string,
  deps: DeliveryDeps & { timestamp: number },
): Promise<SendOutcome> {
  let secret: string;
  try {
    secret = decryptSecret(webhook.secretEncrypted, deps.appSecret);
  } catch (error) {
    return { statusCode: null, ok: false, excerpt: `Not sent: ${(error as Error).message}` };
  }
  const body = renderBody(webhook.format, withAppUrl(payload, deps.appUrl));
  return postDelivery({
    url: webhook.url,
    body,
    headers: {
      "user-agent": "Tradeoff-Webhooks/1",
      "x-tradeoff-delivery": deliveryId,
      "x-tradeoff-event": payload.event,
      "x-tradeoff-timestamp": String(deps.timestamp),
      "x-tradeoff-signature": signDelivery(secret, deps.timestamp, body),
    },
    resolve: deps.resolve ?? systemResolver,
    allowPrivate: deps.allowPrivate ?? privateNetworksAllowed(),
    ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
  });
}
