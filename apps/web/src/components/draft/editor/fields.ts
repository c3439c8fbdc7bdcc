import type { DraftTextField } from "@tradeoff/api/draft-fields";

/** The text fields as the page labels them, in order (MADR's sections). */
export const FIELD_LABELS: Record<DraftTextField, string> = {
  context: "Context",
  rationale: "Rationale",
  good: "Good consequences",
  neutral: "Neutral consequences",
  bad: "Bad consequences",
  confirmation: "Confirmation",
  moreInformation: "More information",
};

/** Caret colours with enough contrast for white label text. */
const CARET_COLORS = ["#b91c1c", "#1d4ed8", "#047857", "#7e22ce", "#b45309", "#0f766e", "#be185d"];

/** One colour per person, the same on every screen. */
export function caretColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return CARET_COLORS[hash % CARET_COLORS.length] as string;
}
