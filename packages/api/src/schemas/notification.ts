import { z } from "zod";

/** Notification ids are 64-bit integers, carried as decimal strings. */
const notificationId = z
  .string()
  .regex(/^\d{1,18}$/, { error: "Not a notification id: pass the id the inbox listed." });

export const listNotificationsSchema = z
  .object({ before: notificationId.nullish() })
  .default({ before: null });

export const markNotificationReadSchema = z.object({ id: notificationId });
