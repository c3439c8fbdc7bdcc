import type { RouterOutputs } from "@tradeoff/api";

export type DraftPageData = RouterOutputs["draft"]["get"];
export type Draft = NonNullable<DraftPageData["draft"]>;

/** The draft's text fields, in the order of the record, with their headings. */
export const TEXT_FIELDS = [
  { key: "context", label: "Context and problem statement" },
  { key: "rationale", label: "Rationale" },
  { key: "good", label: "Good consequences" },
  { key: "neutral", label: "Neutral consequences" },
  { key: "bad", label: "Bad consequences" },
  { key: "confirmation", label: "Confirmation" },
  { key: "moreInformation", label: "More information" },
] as const satisfies readonly { key: keyof Draft["text"]; label: string }[];

export const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
