import type { Prisma, Role } from "@tradeoff/db";
import { JOB_QUEUES, jobId, sendInTransaction } from "@tradeoff/db/jobs";
import { hasRole } from "../../domain/roles";
import { emitWebhookEvent } from "../webhook/emit";
import { isWebhookEvent } from "../webhook/events";
import type { NotificationKind } from "./kinds";
import { deliveriesFor } from "./preferences";

export type NewNotification = {
  kind: NotificationKind;
  teamId: string;
  projectId?: string | null;
  /** Who caused it: never told about their own action. */
  actorId: string | null;
  data?: Prisma.InputJsonObject;
};

/**
 * Writes one inbox row per recipient, in the caller's transaction: the notification exists
 * exactly when the change it tells about does. The actor is always left out, and so is anyone
 * no longer in the team (an invitation is the one kind for people outside it). For recipients
 * who want this kind by email, an email job is enqueued in the same transaction.
 */
export async function notifyUsers(
  tx: Prisma.TransactionClient,
  userIds: readonly string[],
  notification: NewNotification,
): Promise<number> {
  const named = [...new Set(userIds)].filter((id) => id !== notification.actorId);
  const recipients =
    notification.kind === "team.invited"
      ? named
      : await currentMembers(tx, notification.teamId, named);
  if (recipients.length === 0) return 0;
  const rows = await tx.notification.createManyAndReturn({
    data: recipients.map((userId) => ({
      userId,
      kind: notification.kind,
      teamId: notification.teamId,
      projectId: notification.projectId ?? null,
      actorId: notification.actorId,
      data: notification.data ?? {},
    })),
    select: { id: true, userId: true },
  });
  const deliveries = await deliveriesFor(tx, recipients, notification.kind);
  for (const row of rows) {
    if (deliveries.get(row.userId) !== "EMAIL") continue;
    const notificationId = row.id.toString();
    await sendInTransaction(
      tx,
      JOB_QUEUES.notificationEmail,
      { notificationId },
      { id: jobId(JOB_QUEUES.notificationEmail, notificationId) },
    );
  }
  return rows.length;
}

/**
 * Those of `userIds` who are members of the team now, their memberships locked FOR SHARE until
 * the transaction ends: a member removed at this moment is either gone already (and told
 * nothing) or removed after this commits, when their notifications of the team go with them.
 * The team's row is locked first (FOR KEY SHARE, the lock the notifications' reference to the
 * team takes anyway), in the order membership changes lock: team, then memberships. Taken the
 * other way round, a removal holding the team and waiting for the membership, and this holding
 * the membership and waiting for the team, would wait on each other until one failed.
 */
async function currentMembers(
  tx: Prisma.TransactionClient,
  teamId: string,
  userIds: string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  await tx.$queryRaw`SELECT id FROM teams WHERE id = ${teamId} FOR KEY SHARE`;
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    SELECT user_id AS "userId" FROM memberships
    WHERE team_id = ${teamId} AND user_id = ANY(${userIds}::text[]) FOR SHARE`;
  const members = new Set(rows.map((row) => row.userId));
  return userIds.filter((id) => members.has(id));
}

/**
 * Tells the team's members with at least `minRole` (voters are members and up), and the
 * team's webhooks that subscribe to this kind of event, all in the caller's transaction.
 */
export async function notifyTeam(
  tx: Prisma.TransactionClient,
  minRole: Role,
  notification: NewNotification,
): Promise<number> {
  const members = await tx.membership.findMany({
    where: { teamId: notification.teamId },
    select: { userId: true, role: true },
  });
  const userIds = members.filter((m) => hasRole(m.role, minRole)).map((m) => m.userId);
  if (isWebhookEvent(notification.kind)) {
    await emitWebhookEvent(tx, {
      event: notification.kind,
      teamId: notification.teamId,
      projectId: notification.projectId ?? null,
      actorId: notification.actorId,
      data: notification.data ?? {},
    });
  }
  return notifyUsers(tx, userIds, notification);
}
