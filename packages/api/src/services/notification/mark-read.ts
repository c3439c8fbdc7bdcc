import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";

/** Marks one of the caller's notifications read; another person's id is not found. */
export async function markNotificationRead(
  db: PrismaClient,
  input: { userId: string; id: string },
): Promise<{ unread: number }> {
  const { count } = await db.notification.updateMany({
    where: { id: BigInt(input.id), userId: input.userId },
    data: { readAt: new Date() },
  });
  if (count === 0) throw new DomainError("NOT_FOUND", "Notification was not found.");
  return { unread: await db.notification.count({ where: { userId: input.userId, readAt: null } }) };
}

/** Marks every unread notification of the caller read. */
export async function markAllNotificationsRead(
  db: PrismaClient,
  input: { userId: string },
): Promise<{ marked: number }> {
  const { count } = await db.notification.updateMany({
    where: { userId: input.userId, readAt: null },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
