import { z } from "zod";
import { idSchema } from "./id";

const projectId = idSchema;
/** Event ids are 64-bit integers, carried as decimal strings. */
export const eventIdSchema = z.string().regex(/^\d{1,19}$/, { error: "Not an event id." });

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
