import { z } from "zod";

export const RATIONALE_MAX = 1000;

const idSchema = z.string().min(1).max(64);
const keySchema = z.string({ error: "Say which criterion." }).min(1).max(40);

export const importanceSchema = z
  .number({ error: "Importance is a whole number from 0 to 5." })
  .int({ error: "Importance is a whole number from 0 to 5." })
  .min(0, { error: "Importance is a whole number from 0 to 5." })
  .max(5, { error: "Importance is a whole number from 0 to 5." });

export const scoreSchema = z
  .number({ error: "A score is a whole number from 1 to 5." })
  .int({ error: "A score is a whole number from 1 to 5." })
  .min(1, { error: "A score is a whole number from 1 to 5." })
  .max(5, { error: "A score is a whole number from 1 to 5." });

/**
 * One member's vote on one criterion. "No opinion" is an importance of null and every score
 * null (or left out); a partial vote (importance only, some scores) is allowed.
 */
export const castVoteSchema = z.object({
  projectId: idSchema,
  criterionKey: keySchema,
  weight: importanceSchema.nullable(),
  scores: z.record(z.string().min(1).max(40), scoreSchema.nullable()).default({}),
  rationale: z
    .string()
    .trim()
    .max(RATIONALE_MAX, { error: `Keep the rationale to ${RATIONALE_MAX} characters or fewer.` })
    .nullish()
    .transform((value) => value || null),
});
export type CastVoteInput = z.input<typeof castVoteSchema>;

export const retractVoteSchema = z.object({ projectId: idSchema, criterionKey: keySchema });
