import { TRPCError } from "@trpc/server";
import { realtimeFor } from "../realtime";
import {
  listNotificationsSchema,
  markNotificationReadSchema,
  setPreferenceSchema,
} from "../schemas/notification";
import { countUnread, listNotifications } from "../services/notification/list-notifications";
import { markAllNotificationsRead, markNotificationRead } from "../services/notification/mark-read";
import { listPreferences, setPreference } from "../services/notification/preferences";
import { streamUnreadCount } from "../services/notification/stream-unread";
import { createTRPCRouter, protectedProcedure, sessionProcedure } from "../trpc";

/** The caller's own inbox: every query is scoped to the signed-in user. */
export const notificationRouter = createTRPCRouter({
  list: protectedProcedure.input(listNotificationsSchema).query(({ ctx, input }) =>
    listNotifications(ctx.db, {
      userId: ctx.user.id,
      before: input.before,
      secret: ctx.secret,
    }),
  ),
  unreadCount: protectedProcedure.query(async ({ ctx }) => ({
    unread: await countUnread(ctx.db, ctx.user.id),
  })),
  markRead: protectedProcedure
    .input(markNotificationReadSchema)
    .mutation(({ ctx, input }) =>
      markNotificationRead(ctx.db, { userId: ctx.user.id, id: input.id }),
    ),
  markAllRead: protectedProcedure.mutation(({ ctx }) =>
    markAllNotificationsRead(ctx.db, { userId: ctx.user.id }),
  ),
  /** How the caller gets each kind, and whether this server sends email at all. */
  preferences: protectedProcedure.query(async ({ ctx }) => ({
    emailEnabled: ctx.emailEnabled,
    kinds: await listPreferences(ctx.db, ctx.user.id),
  })),
  /** What the account is emailed: an account setting, so a browser session only. */
  setPreference: sessionProcedure
    .input(setPreferenceSchema)
    .mutation(({ ctx, input }) => setPreference(ctx.db, { userId: ctx.user.id, ...input })),
  /** The unread count, again whenever it changes (server-sent events): the header's bell. */
  unread: protectedProcedure.subscription(({ ctx, signal }) => {
    const hub = realtimeFor(ctx.db);
    if (!hub) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: "Live updates are not available on this server; reload to see new notifications.",
      });
    }
    return streamUnreadCount(ctx.db, hub, { userId: ctx.user.id, signal, session: ctx.user });
  }),
});
