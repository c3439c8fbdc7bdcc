import { z } from "zod";
import { idSchema } from "./id";

export const RATIONALE_MAX = 1000;

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
 * Whose ballot the vote was filled in on: a page sends the id of the member it was opened for,
 * and a vote whose signed-in member is someone else now (another person signed in on the same
 * browser meanwhile) is refused instead of being saved as theirs. Optional: a script or the CLI
 * acting with its own token may leave it out.
 */
export const voterIdSchema = idSchema.optional().meta({
  description:
    "The id of the member the ballot was filled in for. When it is not the signed-in member (or the access token's owner), nothing is saved and the answer is 409. Leave it out to vote as whoever is signed in.",
});

/**
 * One member's vote on one criterion. A partial vote (importance only, some scores) is allowed;
 * `noOpinion: true` is an explicit abstention on the whole criterion, with an importance of
 * null and no scores: it completes the member's ballot there and enters no mean.
 */
export const castVoteSchema = z
  .object({
    projectId: idSchema,
    criterionKey: keySchema,
    voterId: voterIdSchema,
    weight: importanceSchema.nullable(),
    scores: z.record(z.string().min(1).max(40), scoreSchema.nullable()).default({}),
    rationale: z
      .string()
      .trim()
      .max(RATIONALE_MAX, { error: `Keep the rationale to ${RATIONALE_MAX} characters or fewer.` })
      .nullish()
      .transform((value) => value || null),
    noOpinion: z.boolean({ error: "noOpinion is true or false." }).default(false),
  })
  .refine(
    (vote) =>
      !vote.noOpinion ||
      (vote.weight === null && Object.values(vote.scores).every((s) => s === null)),
    {
      error:
        "A no-opinion mark carries no importance and no scores: send weight null and no scores, or drop noOpinion to vote.",
      path: ["noOpinion"],
    },
  );
export type CastVoteInput = z.input<typeof castVoteSchema>;

export const retractVoteSchema = z.object({
  projectId: idSchema,
  criterionKey: keySchema,
  voterId: voterIdSchema,
});

/** Which criterion's teammate reasons to list. */
export const listReasonsSchema = z.object({ projectId: idSchema, criterionKey: keySchema });
