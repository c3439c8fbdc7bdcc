import { z } from "zod";
import { strictDateSchema } from "./dates";
import { idSchema } from "./id";
import { optionalTextSchema } from "./text";

const line = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: `Write the ${what}.` })
    .max(max, { error: `Keep the ${what} to ${max} characters or fewer.` });

/** A person named on a record: a team member (by id, named from their account) or a free name. */
export const recordPersonSchema = z.object({
  userId: idSchema.optional(),
  name: z.string().trim().max(120).default(""),
});
export type RecordPerson = z.infer<typeof recordPersonSchema>;

const people = z.array(recordPersonSchema).max(50).default([]);
const consequenceList = z.array(line("consequence", 500)).max(20).default([]);

export const recordFieldsSchema = z.object({
  chosenOptionKey: z.string().trim().min(1, { error: "Choose an option." }).max(40),
  /** Required when the chosen option is not the team's recommendation. */
  justification: optionalTextSchema(4000),
  rationale: line("rationale", 8000),
  consequences: z
    .object({ good: consequenceList, neutral: consequenceList, bad: consequenceList })
    .default({ good: [], neutral: [], bad: [] }),
  decisionMakers: people,
  consulted: people,
  informed: people,
  confirmation: optionalTextSchema(4000),
  links: z
    .array(
      z.object({
        label: z.string().trim().min(1).max(200),
        url: z.url({ protocol: /^https?$/, error: "Links must be http(s) addresses." }).max(2000),
      }),
    )
    .max(20)
    .default([]),
  reviewDate: strictDateSchema("The review date", "2027-03-31")
    .nullish()
    .transform((v) => v ?? null),
});
export type RecordFields = z.infer<typeof recordFieldsSchema>;

export const decideSchema = recordFieldsSchema.extend({
  projectId: idSchema,
  /**
   * Recording while the recommendation is provisional (criteria not scored, or too few complete
   * ballots) must be confirmed explicitly.
   */
  confirmProvisional: z.boolean({ error: "confirmProvisional is true or false." }).default(false),
});
export const STALE_REVISION_MESSAGE =
  "Someone else revised this record after you opened it, so your revision would undo their changes. Reload the record to see their revision, then make your change again.";

export const reviseRecordSchema = recordFieldsSchema.extend({
  projectId: idSchema,
  note: line("reason for the change", 500),
  /**
   * The record's revision as the editor read it (record.get). Optional: when given and the record
   * was revised since, the revision is refused with CONFLICT (409) and nothing is written;
   * without it, the fields sent replace the current ones whatever changed meanwhile.
   */
  expectedRevision: z
    .number({ error: "The revision you edited (expectedRevision) is a whole number." })
    .int({ error: "The revision you edited (expectedRevision) is a whole number." })
    .min(1, { error: "The revision you edited (expectedRevision) is 1 or more." })
    .optional()
    .meta({
      description:
        "The record's `revision` as you read it (record.get). When given and the record was revised since, the revision is refused with 409 CONFLICT and nothing is written: read it again and reapply your change. Without it, the fields sent replace the current ones.",
    }),
});
export const supersedeSchema = z.object({
  /** The decided project being superseded. */
  projectId: idSchema,
  successorIds: z.array(idSchema).min(1, { error: "Pick the decision that replaces it." }).max(10),
});
export const dueForReviewSchema = z.object({
  teamId: idSchema,
  /** Records whose review date falls within this many days from now (past dates included). */
  withinDays: z.number().int().min(0).max(365).default(14),
});

export const EXPORT_FORMATS = ["madr", "log4brains", "nygard", "json", "csv", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportSchema = z.object({
  projectId: idSchema,
  format: z.enum(EXPORT_FORMATS, {
    error: "Unknown export format: use madr, log4brains, nygard, json, csv or pdf.",
  }),
  /** CSV only: the votes (one row per vote) or the event history. */
  table: z
    .enum(["votes", "events"], { error: "Unknown CSV table: use votes or events." })
    .default("votes"),
  /** PDF only. */
  paper: z.enum(["a4", "letter"], { error: "Unknown paper size: use a4 or letter." }).default("a4"),
});
export const importSchema = z.object({
  teamId: idSchema,
  /** A JSON export, parsed; checked against the export schema before anything is written. */
  document: z.unknown(),
});
