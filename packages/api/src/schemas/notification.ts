import { z } from "zod";
import { NOTIFICATION_KINDS } from "../services/notification/kinds";

/** Notification ids are 64-bit integers, carried as decimal strings. */
const notificationId = z
  .string()
  .regex(/^\d{1,18}$/, { error: "Not a notification id: pass the id the inbox listed." });

export const listNotificationsSchema = z
  .object({ before: notificationId.nullish() })
  .default({ before: null });

export const markNotificationReadSchema = z.object({ id: notificationId });

export const setPreferenceSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS, {
    error: `Choose one of the kinds of notification: ${NOTIFICATION_KINDS.join(", ")}.`,
  }),
  delivery: z.enum(["IN_APP", "EMAIL", "DIGEST"], {
    error:
      'Choose "IN_APP" (inbox only), "EMAIL" (inbox and email right away) or "DIGEST" (inbox and a daily email).',
  }),
});
