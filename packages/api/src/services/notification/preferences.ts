import type { Prisma, PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

export type Delivery = "IN_APP" | "EMAIL" | "DIGEST";

/**
 * Kinds that stay in the inbox whatever was chosen: an invitation has its own email (with the
 * role, the expiry and the link, sent to the invited address), so it is never emailed, nor put
 * in a digest, as a notification too. Not offered on the preferences page.
 */
export const INBOX_ONLY_KINDS: ReadonlySet<NotificationKind> = new Set(["team.invited"]);

/**
 * What each kind does for a member who chose nothing: what asks for action now (a decision
 * opening for their vote, a deadline, a nudge) is also emailed; the rest stays in the inbox.
 */
export const DEFAULT_DELIVERY: Record<NotificationKind, Delivery> = {
  "team.invited": "IN_APP",
  "project.opened": "EMAIL",
  "deadline.near": "EMAIL",
  nudge: "EMAIL",
  "project.closed": "IN_APP",
  "decision.recorded": "IN_APP",
  "project.superseded": "IN_APP",
  "project.reopened": "IN_APP",
  "webhook.disabled": "EMAIL",
};

export const KIND_LABELS: Record<NotificationKind, string> = {
  "team.invited": "You are invited to a team",
  "project.opened": "A decision opens for your vote",
  "deadline.near": "A deadline is near and your ballot is not complete",
  nudge: "Someone nudges you to vote",
  "project.closed": "Voting closes",
  "decision.recorded": "A decision is recorded",
  "project.superseded": "A decision is superseded",
  "project.reopened": "A decision is reopened",
  "webhook.disabled": "A team webhook is turned off after failing for 24 hours (admins)",
};

/** Each recipient's delivery for one kind (their choice, else the default). */
export async function deliveriesFor(
  tx: Prisma.TransactionClient,
  userIds: string[],
  kind: NotificationKind,
): Promise<Map<string, Delivery>> {
  if (INBOX_ONLY_KINDS.has(kind)) return new Map(userIds.map((id) => [id, "IN_APP"]));
  const chosen = await tx.notificationPreference.findMany({
    where: { userId: { in: userIds }, kind },
    select: { userId: true, delivery: true },
  });
  const result = new Map(userIds.map((id) => [id, DEFAULT_DELIVERY[kind]]));
  for (const row of chosen) result.set(row.userId, row.delivery);
  return result;
}

/** The caller's choice for every kind, in the order the preferences page shows them. */
export async function listPreferences(db: PrismaClient, userId: string) {
  const chosen = await db.notificationPreference.findMany({
    where: { userId },
    select: { kind: true, delivery: true },
  });
  const byKind = new Map(chosen.map((row) => [row.kind, row.delivery]));
  return NOTIFICATION_KINDS.filter((kind) => !INBOX_ONLY_KINDS.has(kind)).map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    delivery: byKind.get(kind) ?? DEFAULT_DELIVERY[kind],
  }));
}

export async function setPreference(
  db: Pick<PrismaClient, "notificationPreference">,
  input: { userId: string; kind: NotificationKind; delivery: Delivery },
) {
  if (INBOX_ONLY_KINDS.has(input.kind) && input.delivery !== "IN_APP") {
    throw new DomainError(
      "BAD_REQUEST",
      "Invitations always come as their own email to the invited address; they cannot also be emailed as a notification. Choose another kind.",
    );
  }
  await db.notificationPreference.upsert({
    where: { userId_kind: { userId: input.userId, kind: input.kind } },
    create: input,
    update: { delivery: input.delivery },
  });
  return { kind: input.kind, delivery: input.delivery };
}
