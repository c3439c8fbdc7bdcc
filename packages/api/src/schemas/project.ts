import { z } from "zod";
import { RECORD_STATUSES } from "../services/export/record-status";
import { strictDateSchema } from "./dates";
import { tagSchema } from "./folder";
import { idempotencyKeySchema, idSchema, pageSizeSchema } from "./id";

/** Keys name options and criteria in votes and history; they never change once a project opens. */
export const itemKeySchema = z
  .string({ error: "Give it a key." })
  .trim()
  .min(1, { error: "Give it a key." })
  .max(40, { error: "Keep keys to 40 characters or fewer." })
  .regex(/^[a-z0-9][a-z0-9-]*$/, {
    error: "A key uses lowercase letters, digits and dashes, like fastapi.",
  });

/** An option's or criterion's name: required, at most 80 characters. */
const itemNameSchema = (noun: "option" | "criterion") =>
  z
    .string({ error: `Name the ${noun}.` })
    .trim()
    .min(1, { error: `Name the ${noun}.` })
    .max(80, { error: `Keep ${noun} names to 80 characters or fewer.` });

/** A description of an option, a criterion or a template: optional, at most 1,000 characters. */
const itemDescriptionSchema = z
  .string()
  .trim()
  .max(1000, { error: "Keep the description to 1,000 characters or fewer." })
  .default("");

export const optionInputSchema = z.object({
  key: itemKeySchema,
  name: itemNameSchema("option"),
  description: itemDescriptionSchema,
});
export type OptionInput = z.infer<typeof optionInputSchema>;

/** Most options a decision has. */
const MAX_OPTIONS = 6;

export const guidanceSchema = z.object({
  summary: z.string().trim().max(1000, { error: "Keep guidance to 1,000 characters or fewer." }),
  suggestedScore: z.number().int().min(1).max(5).optional(),
});

/** Per option key: what a source says about the option on one criterion. */
export const guidanceMapSchema = z
  .record(
    z.string().max(40, { error: "Guidance is keyed by an option's key (40 characters or fewer)." }),
    guidanceSchema,
  )
  .refine((guidance) => Object.keys(guidance).length <= MAX_OPTIONS, {
    error: `Guidance speaks of at most ${MAX_OPTIONS} options, one entry per option.`,
  });

const anchorSchema = z
  .string()
  .trim()
  .max(200, { error: "Keep an anchor to 200 characters or fewer." })
  .nullish()
  .transform((value) => value || null);

export const criterionInputSchema = z.object({
  key: itemKeySchema,
  name: itemNameSchema("criterion"),
  description: itemDescriptionSchema,
  defaultWeight: z
    .number({ error: "Give a default weight from 0 to 5." })
    .min(0, { error: "The default weight is from 0 to 5." })
    .max(5, { error: "The default weight is from 0 to 5." }),
  /** Per option key: what a source says about the option here. */
  guidance: guidanceMapSchema.default({}),
  anchorLow: anchorSchema,
  anchorHigh: anchorSchema,
  mustHave: z.boolean().default(false),
});
export type CriterionInput = z.infer<typeof criterionInputSchema>;

export const projectStatusSchema = z.enum(["DRAFT", "OPEN", "DECIDED", "SUPERSEDED", "ARCHIVED"]);
export const methodSchema = z.enum(["WEIGHTED_MEAN", "MEDIAN", "BORDA"]);
export const votingModeSchema = z.enum(["OPEN", "BLIND"]);

const titleSchema = z
  .string({ error: "Give the decision a title." })
  .trim()
  .min(1, { error: "Give the decision a title." })
  .max(120, { error: "Keep the title to 120 characters or fewer." });
const contextSchema = z
  .string()
  .max(20_000, { error: "Keep the context to 20,000 characters or fewer." });
const deadlineSchema = strictDateSchema("The deadline", "2027-03-31T17:00:00Z").nullable();
/**
 * Why a deadline that has already passed is refused, by the project form, by creating or opening
 * a decision and by an edit: the decision would be overdue at once.
 */
export const PAST_DEADLINE_MESSAGE =
  "That deadline has already passed: pick a later date and time, or leave it empty.";
const quorumSchema = z
  .number({ error: "The quorum is a whole number of members." })
  .int({ error: "The quorum is a whole number of members." })
  .min(1, { error: "The quorum is at least 1 member." })
  .max(10_000, { error: "That quorum is too large." })
  .nullable();

/** Options and criteria need unique keys; the message lands on the duplicate's field. */
function uniqueKeys(items: { key: string }[], path: "options" | "criteria", ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.key)) {
      ctx.addIssue({
        code: "custom",
        path: [path, i, "key"],
        message: `Another ${path === "options" ? "option" : "criterion"} already uses the key “${item.key}”.`,
      });
    }
    seen.add(item.key);
  });
}

/**
 * Options and criteria need distinct names: two options called the same cannot be told apart on
 * a ballot or in the result. Compared trimmed and ignoring case; the message lands on the
 * duplicate's name.
 */
export function uniqueNames(
  items: { name: string }[],
  path: "options" | "criteria",
  ctx: z.RefinementCtx,
) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const name = item.name.trim().toLocaleLowerCase("en");
    if (!name) return;
    if (seen.has(name)) {
      ctx.addIssue({
        code: "custom",
        path: [path, i, "name"],
        message: `Another ${path === "options" ? "option" : "criterion"} is already called “${item.name.trim()}”: give each its own name.`,
      });
    }
    seen.add(name);
  });
}

/** A decision's list of options (2 to 6) of `item`s: the API's, or a form's own draft items. */
export const optionListOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(2, { error: "A decision needs at least 2 options." })
    .max(MAX_OPTIONS, { error: `A decision has at most ${MAX_OPTIONS} options.` });
/** A decision's list of criteria (1 to 30) of `item`s. */
export const criterionListOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, { error: "A decision needs at least 1 criterion." })
    .max(30, { error: "A decision has at most 30 criteria." });
export const optionsSchema = optionListOf(optionInputSchema);
export const criteriaSchema = criterionListOf(criterionInputSchema);

export const createProjectSchema = z
  .object({
    teamId: idSchema,
    title: titleSchema,
    context: contextSchema.default(""),
    options: optionsSchema,
    criteria: criteriaSchema,
    deadline: deadlineSchema.default(null),
    quorum: quorumSchema.default(null),
    method: methodSchema.default("WEIGHTED_MEAN"),
    votingMode: votingModeSchema.default("OPEN"),
    /** The built-in template it started from, if any: voters then see its guidance. */
    templateKey: z.string().max(64).nullish(),
    /**
     * A key the form makes for each submission (a UUID): sent again (a double click, a retry
     * after a lost answer), it answers the decision already created instead of creating another.
     */
    idempotencyKey: idempotencyKeySchema("this decision"),
  })
  .superRefine((value, ctx) => {
    uniqueKeys(value.options, "options", ctx);
    uniqueKeys(value.criteria, "criteria", ctx);
    uniqueNames(value.options, "options", ctx);
    uniqueNames(value.criteria, "criteria", ctx);
  });
export type CreateProjectInput = z.input<typeof createProjectSchema>;

/** Why a save is refused when someone else changed the decision after the editor read it. */
export const STALE_EDIT_MESSAGE =
  "Someone else changed this decision after you opened it, so your save would undo their changes. Load their version (what you typed is kept), check it, then save again.";

export const updateProjectSchema = z
  .object({
    projectId: idSchema,
    /**
     * The decision's `updatedAt` as the editor read it (project.get). Optional: when given and
     * the decision has changed since, the save is refused with CONFLICT (409) and nothing is
     * written; without it, the fields sent replace the current ones whatever changed meanwhile.
     */
    expectedUpdatedAt: strictDateSchema(
      "The version you edited (expectedUpdatedAt)",
      "2027-03-31T17:00:00.000Z",
    )
      .optional()
      .meta({
        description:
          "The decision's `updatedAt` as you read it (project.get). When given and the decision has changed since, the save is refused with 409 CONFLICT and nothing is written: read it again and reapply your change. Without it, the fields sent replace the current ones.",
      }),
    title: titleSchema.optional(),
    context: contextSchema.optional(),
    options: optionsSchema.optional(),
    criteria: criteriaSchema.optional(),
    deadline: deadlineSchema.optional(),
    quorum: quorumSchema.optional(),
    method: methodSchema.optional(),
    votingMode: votingModeSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.options) uniqueKeys(value.options, "options", ctx);
    if (value.criteria) uniqueKeys(value.criteria, "criteria", ctx);
    if (value.options) uniqueNames(value.options, "options", ctx);
    if (value.criteria) uniqueNames(value.criteria, "criteria", ctx);
  });
export type UpdateProjectInput = z.input<typeof updateProjectSchema>;

export const projectIdSchema = z.object({ projectId: idSchema });
export const teamIdSchema = z.object({ teamId: idSchema });

export const listProjectsSchema = z.object({
  teamId: idSchema,
  status: projectStatusSchema.optional(),
  /** The record's status in MADR's words (proposed, accepted, rejected, deprecated, superseded). */
  recordStatus: z
    .enum(RECORD_STATUSES, {
      error: "The record status is proposed, accepted, rejected, deprecated or superseded.",
    })
    .optional(),
  /** Only projects carrying this tag. */
  tag: tagSchema.optional(),
  /** Words to find in the title or the problem statement (case-insensitive); blank finds all. */
  q: z
    .string({ error: "Search with text." })
    .trim()
    .max(200, { error: "Keep the search to 200 characters or fewer." })
    .optional(),
  /** The number of the last project of the previous page: the page continues below it. */
  cursor: z
    .number({ error: "The cursor is the number of the last project of the previous page." })
    .int({ error: "The cursor is a whole project number." })
    .min(1, { error: "The cursor is a project number, 1 or more." })
    .nullish(),
  /** Projects per page (1 to 100; 50 unless given). */
  limit: pageSizeSchema("projects", 100, 50),
});

export const saveAsTemplateSchema = z.object({
  projectId: idSchema,
  name: z
    .string({ error: "Name the template." })
    .trim()
    .min(1, { error: "Name the template." })
    .max(80, { error: "Keep the template name to 80 characters or fewer." }),
  description: itemDescriptionSchema,
});

export const deleteTemplateSchema = z.object({
  teamId: idSchema,
  /** A saved template's id (a built-in template's key is refused with a sentence). */
  templateId: idSchema,
});

/** More than any template asks (they ask a handful); a longer list is not a form's. */
export const MAX_CONTEXT_ANSWERS = 50;

export const suggestWeightsSchema = z.object({
  teamId: idSchema,
  templateKey: z
    .string({ error: "Name the template whose questions were answered." })
    .min(1, { error: "Name the template whose questions were answered." })
    .max(64, { error: "A template key is at most 64 characters." }),
  /** Question key -> yes/no; unanswered questions are left out. */
  answers: z
    .record(
      z.string().max(64),
      z.boolean({ error: "Answer each question with true (yes) or false (no)." }),
      {
        error: (issue) =>
          issue.code === "invalid_key"
            ? "A question key is at most 64 characters; use the keys of the template's questions."
            : "Send the answers as an object of question keys and true or false.",
      },
    )
    .check((ctx) => {
      const count = Object.keys(ctx.value).length;
      if (count > MAX_CONTEXT_ANSWERS) {
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          message: `Answer at most ${MAX_CONTEXT_ANSWERS} context questions (this request has ${count}). Send only the template's questions.`,
        });
      }
    }),
});

export const nudgeSchema = z.object({
  projectId: idSchema,
  /** Members to nudge; leave out to nudge everyone whose ballot is not complete. */
  userIds: z
    .array(idSchema)
    .min(1, { error: "Choose at least one member, or leave the list out to nudge everyone." })
    .max(500, { error: "Nudge at most 500 members at once." })
    .optional(),
});
