import {
  createProjectSchema,
  criterionInputSchema,
  criterionListOf,
  methodSchema,
  optionInputSchema,
  optionListOf,
  PAST_DEADLINE_MESSAGE,
  uniqueNames,
  votingModeSchema,
} from "@tradeoff/api/schemas";
import { z } from "zod";

/**
 * What the project form checks before sending, built from the API's own schemas: the same
 * limits and the same messages. Keys are made from names when the form is sent, so items are
 * checked without them here; the API checks the whole input again.
 */
const option = optionInputSchema.omit({ key: true }).extend({ key: z.string().optional() });
const criterion = criterionInputSchema
  .omit({ key: true, anchorLow: true, anchorHigh: true })
  .extend({ key: z.string().optional(), anchorLow: z.string(), anchorHigh: z.string() });

export const projectFormSchema = z
  .object({
    title: createProjectSchema.shape.title,
    context: createProjectSchema.shape.context,
    templateKey: z.string().nullable(),
    options: optionListOf(option),
    criteria: criterionListOf(criterion),
    // A deadline that has already passed is a slip of the date picker: the decision would open
    // overdue, and no reminder would ever go out for it.
    deadline: z.string().refine((value) => !value || new Date(value).getTime() > Date.now(), {
      error: PAST_DEADLINE_MESSAGE,
    }),
    quorum: createProjectSchema.shape.quorum,
    method: methodSchema,
    votingMode: votingModeSchema,
    openNow: z.boolean(),
  })
  .superRefine((value, ctx) => {
    uniqueNames(value.options, "options", ctx);
    uniqueNames(value.criteria, "criteria", ctx);
  });

/** The form's values as its fields hold them. */
export type ProjectFormValues = z.input<typeof projectFormSchema>;
/** The form's values once checked, as it submits them. */
export type CheckedProjectForm = z.output<typeof projectFormSchema>;
