import { expect } from "vitest";
import { defineCases } from "../case";
import type { World } from "../world";

/** A notification of team A's member: nobody else may read it or mark it read. */
async function membersNotification(world: World) {
  const project = await world.db.project.create({
    data: {
      teamId: world.teamA.id,
      number: 900 + Math.floor(Math.random() * 1_000_000),
      title: "Which queue?",
    },
    select: { id: true },
  });
  const notification = await world.db.notification.create({
    data: {
      userId: world.member.id,
      teamId: world.teamA.id,
      projectId: project.id,
      actorId: world.owner.id,
      kind: "project.opened",
    },
    select: { id: true },
  });
  return { id: notification.id.toString() };
}

export const cases = defineCases({
  "notification.list": {
    input: async (world) => {
      await membersNotification(world);
      return {};
    },
    outsider: {
      check: (result) => expect((result as { items: unknown[] }).items).toEqual([]),
    },
  },
  "notification.unreadCount": {
    input: async (world) => {
      await membersNotification(world);
      return undefined;
    },
    outsider: { check: (result) => expect(result).toEqual({ unread: 0 }) },
  },
  "notification.markRead": { input: membersNotification, outsider: { code: "NOT_FOUND" } },
  "notification.markAllRead": {
    outsider: { ownDataOnly: "Marks only the caller's own notifications (userId in the where)." },
  },
  "notification.unread": {
    outsider: { ownDataOnly: "Streams the caller's own unread count only." },
  },
});
