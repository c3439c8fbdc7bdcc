/**
 * The text fields of a record draft and their limit: shared by the server and the editor
 * (`@tradeoff/api/draft-fields`, no dependencies, safe in the browser).
 */
export const DRAFT_TEXT_FIELDS = [
  "context",
  "rationale",
  "good",
  "neutral",
  "bad",
  "confirmation",
  "moreInformation",
] as const;
export type DraftTextField = (typeof DRAFT_TEXT_FIELDS)[number];

/** The most characters one text field may hold: larger pastes are refused, in the editor and here. */
export const DRAFT_FIELD_MAX_CHARS = 200_000;
