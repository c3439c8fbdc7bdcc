import { z } from "zod";
import { idSchema } from "./id";

const projectId = idSchema;
/** The largest event id PostgreSQL's bigint can hold. */
const MAX_EVENT_ID = 9_223_372_036_854_775_807n;

/**
 * Event ids are 64-bit integers, carried as decimal strings; a larger number is no event id (and
 * would fail in the database rather than as input).
 */
export const eventIdSchema = z
  .string()
  .regex(/^\d{1,19}$/, { error: "Not an event id." })
  // Checks all run: only digits reach BigInt.
  .refine((id) => !/^\d{1,19}$/.test(id) || BigInt(id) <= MAX_EVENT_ID, {
    error: "Not an event id.",
  });

export const listHistorySchema = z.object({
  projectId,
  actorId: idSchema.optional(),
  criterionKey: z.string().min(1).max(64).optional(),
  cursor: eventIdSchema.nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export type ListHistoryInput = z.input<typeof listHistorySchema>;

/** The history's member filter: whoever may appear in it. */
export const historyPeopleSchema = z.object({ projectId });

export const timelineSchema = z.object({
  projectId,
  maxPoints: z.number().int().min(10).max(2_000).default(400),
});

export const recommendationAtSchema = z
  .object({
    projectId,
    at: z.coerce.date({ error: "Choose a valid moment." }).optional(),
    eventId: eventIdSchema.optional(),
  })
  .refine((v) => v.at !== undefined || v.eventId !== undefined, {
    error: "Choose a moment or an event.",
    path: ["at"],
  });
