import type { Prisma } from "@tradeoff/db";
import { readRecordFields } from "../record/stored-fields";

/**
 * A draft's structured fields, apart from its text: what the draft's fields form edits and what
 * the record takes over when the draft is accepted.
 */
export const DRAFT_FIELD_KEYS = [
  "chosenOptionKey",
  "decisionMakers",
  "consulted",
  "informed",
  "reviewDate",
  "links",
] as const;

/** The structured fields' columns of a record draft. */
export const draftFieldsSelect = {
  chosenOptionKey: true,
  decisionMakers: true,
  consulted: true,
  informed: true,
  reviewDate: true,
  links: true,
} as const satisfies Record<(typeof DRAFT_FIELD_KEYS)[number], true> & Prisma.RecordDraftSelect;

type DraftFieldsRow = Prisma.RecordDraftGetPayload<{ select: typeof draftFieldsSelect }>;

/**
 * A draft's structured fields as a record reads them: its lists are stored JSON, read
 * defensively, and no option chosen yet reads as "". The text fields are left empty.
 */
export function readDraftFields(row: DraftFieldsRow) {
  return readRecordFields({
    chosenOptionKey: row.chosenOptionKey ?? "",
    justification: null,
    rationale: "",
    consequences: {},
    decisionMakers: row.decisionMakers,
    consulted: row.consulted,
    informed: row.informed,
    confirmation: null,
    links: row.links,
    reviewDate: row.reviewDate,
  });
}
