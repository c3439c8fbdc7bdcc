import { z } from "zod";
import {
  DRAFT_FIELD_MAX_CHARS,
  DRAFT_TEXT_FIELDS,
  type DraftTextField,
} from "../services/draft/document-fields";
import { idSchema } from "./id";
import { recordFieldsSchema } from "./record";
import { optionalTextSchema } from "./text";

const projectOnly = { projectId: idSchema };

export { DRAFT_TEXT_FIELDS, type DraftTextField };
/** The draft's text fields, as Markdown: what the shared document holds. */
export type DraftText = Record<DraftTextField, string>;

/**
 * Longest Markdown a field may store. The editor and the sync server refuse a field's text past
 * DRAFT_FIELD_MAX_CHARS characters; its Markdown (escapes, list markers) may run somewhat
 * longer, and must still be stored, or the text last typed would not reach the record.
 */
export const DRAFT_TEXT_MAX = DRAFT_FIELD_MAX_CHARS * 2;

export const draftTextSchema = z
  .object(
    Object.fromEntries(
      DRAFT_TEXT_FIELDS.map((f) => [
        f,
        z.string().max(DRAFT_TEXT_MAX, {
          error: `Keep each text to ${DRAFT_TEXT_MAX.toLocaleString("en")} characters or fewer.`,
        }),
      ]),
    ) as Record<DraftTextField, z.ZodString>,
  )
  .partial();

export const draftProjectSchema = z.object(projectOnly);

const { decisionMakers, consulted, informed, links, reviewDate } = recordFieldsSchema.shape;

/** The structured fields: only those sent are changed. */
export const updateDraftFieldsSchema = z.object({
  ...projectOnly,
  chosenOptionKey: z
    .string()
    .trim()
    .min(1, { error: "Choose an option." })
    .max(40)
    .nullable()
    .optional(),
  decisionMakers: decisionMakers
    .unwrap()
    .min(1, { error: "Name at least one decision-maker." })
    .optional(),
  consulted: consulted.unwrap().optional(),
  informed: informed.unwrap().optional(),
  reviewDate: reviewDate.optional(),
  links: links.unwrap().optional(),
});
export type UpdateDraftFields = z.infer<typeof updateDraftFieldsSchema>;

export const reviewDraftSchema = z.object({
  ...projectOnly,
  verdict: z.enum(["APPROVED", "CHANGES_REQUESTED"], {
    error: "Approve or request changes.",
  }),
  comment: optionalTextSchema(4000, "Keep the comment to 4000 characters or fewer."),
});

export const commentDraftSchema = z
  .object({
    ...projectOnly,
    body: z
      .string()
      .trim()
      .min(1, { error: "Write the comment." })
      .max(4000, { error: "Keep the comment to 4000 characters or fewer." }),
    /** The text field the quoted passage is in, when the comment is anchored. */
    field: z.enum(DRAFT_TEXT_FIELDS, { error: "Pick one of the draft's text fields." }).nullish(),
    quote: optionalTextSchema(1000, "Quote at most 1000 characters."),
  })
  .refine((c) => !c.quote || c.field, {
    error: "Say which field the quoted passage is in.",
    path: ["field"],
  });

export const resolveDraftCommentSchema = z.object({
  ...projectOnly,
  commentId: idSchema,
  resolved: z.boolean({ error: "resolved is true or false." }).default(true),
});

export const acceptDraftSchema = z.object({
  ...projectOnly,
  /** Owners and admins only: accepting without every approval the rule asks for. */
  overrideReason: optionalTextSchema(4000, "Keep the reason to 4000 characters or fewer."),
  /** Required when the chosen option is not the team's recommendation, as for record.decide. */
  justification: optionalTextSchema(4000, "Keep the reason to 4000 characters or fewer."),
  /** Recording while the recommendation is provisional must be confirmed, as for record.decide. */
  confirmProvisional: z.boolean({ error: "confirmProvisional is true or false." }).default(false),
});

export const setApprovalRuleSchema = z.object({
  ...projectOnly,
  approvalRule: z.enum(["ALL", "MAJORITY"], {
    error: "The approval rule is ALL or MAJORITY.",
  }),
});

export const setDraftSharingSchema = z.object({
  ...projectOnly,
  sharedBeforeAcceptance: z.boolean({ error: "sharedBeforeAcceptance is true or false." }),
});
