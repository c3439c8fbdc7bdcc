import type { PrismaClient } from "@tradeoff/db";
import { type AttemptResult, attemptDelivery, type DeliveryDeps } from "./deliver";
import { enqueueAttempt, type WebhookDeliveryJob } from "./emit";

/**
 * One instance's webhook workers shared between teams: each team's deliveries use at most
 * `perTeam` of them at once, so one team's receivers that hang (each holding a worker for up to
 * the 10 s timeout) cannot keep every other team's deliveries waiting.
 */
export class TeamTurns {
  private readonly running = new Map<string, number>();

  constructor(readonly perTeam: number) {}

  /** A worker for one of the team's deliveries (call the answer when done), or null: none free. */
  take(teamId: string): (() => void) | null {
    const running = this.running.get(teamId) ?? 0;
    if (running >= this.perTeam) return null;
    this.running.set(teamId, running + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.running.get(teamId) ?? 1) - 1;
      if (left > 0) this.running.set(teamId, left);
      else this.running.delete(teamId);
    };
  }
}

/**
 * How long an attempt waits for its team's turn before it looks again: 1 s, then 2, 4, 8,
 * and at most 10 s (the delivery timeout, the longest a worker is held by one delivery).
 */
export function turnWaitMs(waited: number): number {
  return Math.min(1_000 * 2 ** waited, 10_000);
}

export type TurnResult = AttemptResult | { kind: "waiting"; until: Date };

/**
 * The webhook-delivery job with fair turns: the attempt runs now when its team has a worker
 * free on this instance (`turns`); otherwise it is queued again to run a little later, behind
 * the deliveries of other teams queued meanwhile, and this job ends, freeing its worker. The
 * attempt itself (and its log, its retries) is unchanged: waiting is not an attempt.
 */
export async function deliverInTurn(
  db: PrismaClient,
  deps: DeliveryDeps,
  turns: TeamTurns,
  job: { id?: string; data: WebhookDeliveryJob },
): Promise<TurnResult> {
  const { deliveryId, attempt } = job.data;
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { status: true, nextAttempt: true, webhook: { select: { teamId: true } } },
  });
  if (delivery?.status !== "PENDING" || delivery.nextAttempt !== attempt) {
    return { kind: "stale" };
  }
  const done = turns.take(delivery.webhook.teamId);
  if (!done) {
    const waited = job.data.waited ?? 0;
    const now = deps.now?.() ?? new Date();
    const until = new Date(now.getTime() + turnWaitMs(waited));
    await db.$transaction((tx) =>
      enqueueAttempt(tx, { deliveryId, attempt, waited: waited + 1 }, until),
    );
    return { kind: "waiting", until };
  }
  try {
    return await attemptDelivery(db, deps, job);
  } finally {
    done();
  }
}
