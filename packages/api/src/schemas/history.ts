import { z } from "zod";
import { strictDateSchema } from "./dates";
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

/**
 * How far ahead of this server's clock a moment may be and still count as now: a caller's clock
 * runs a little fast. Further ahead is refused, since the history has nothing after now.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** A moment of the history: read strictly (an ISO moment, never a number), never the future. */
const momentSchema = strictDateSchema(
  "The moment",
  "2026-12-01T09:30:00Z",
  Number.POSITIVE_INFINITY,
).refine((at) => at.getTime() <= Date.now() + CLOCK_SKEW_MS, {
  error: "The moment is in the future: the history reaches up to now. Pick a moment up to now.",
});

export const recommendationAtSchema = z
  .object({
    projectId,
    at: momentSchema.optional(),
    eventId: eventIdSchema.optional(),
  })
  .refine((v) => v.at !== undefined || v.eventId !== undefined, {
    error: "Choose a moment or an event.",
    path: ["at"],
  });
