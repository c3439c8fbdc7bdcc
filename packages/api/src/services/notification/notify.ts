import type { Prisma, Role } from "@tradeoff/db";
import { hasRole } from "../../domain/roles";
import type { NotificationKind } from "./kinds";

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
 * exactly when the change it tells about does. The actor is always left out.
 */
export async function notifyUsers(
  tx: Prisma.TransactionClient,
  userIds: readonly string[],
  notification: NewNotification,
): Promise<number> {
  const recipients = [...new Set(userIds)].filter((id) => id !== notification.actorId);
  if (recipients.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      kind: notification.kind,
      teamId: notification.teamId,
      projectId: notification.projectId ?? null,
      actorId: notification.actorId,
      data: notification.data ?? {},
    })),
  });
  return count;
}

/** Tells the team's members with at least `minRole` (voters are members and up). */
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
  return notifyUsers(tx, userIds, notification);
}
