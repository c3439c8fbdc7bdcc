import type { RecordPerson } from "../../schemas/record";

/** The record's fields as exports read them: dates as ISO strings, JSON columns checked. */
export type StoredRecordFields = {
  chosenOptionKey: string;
  justification: string | null;
  rationale: string;
  consequences: { good: string[]; neutral: string[]; bad: string[] };
  decisionMakers: RecordPerson[];
  consulted: RecordPerson[];
  informed: RecordPerson[];
  confirmation: string | null;
  links: { label: string; url: string }[];
  reviewDate: string | null;
};

const strings = (raw: unknown): string[] =>
  Array.isArray(raw) ? raw.filter((s): s is string => typeof s === "string") : [];

const persons = (raw: unknown): RecordPerson[] =>
  Array.isArray(raw)
    ? raw.flatMap((p) =>
        p && typeof p === "object" && typeof (p as RecordPerson).name === "string"
          ? [
              {
                name: (p as RecordPerson).name,
                ...(typeof (p as RecordPerson).userId === "string"
                  ? { userId: (p as RecordPerson).userId }
                  : {}),
              },
            ]
          : [],
      )
    : [];

/** Reads a record row (or a revision's stored data), defensively: its lists are stored JSON. */
export function readRecordFields(row: {
  chosenOptionKey: string;
  justification: string | null;
  rationale: string;
  consequences: unknown;
  decisionMakers: unknown;
  consulted: unknown;
  informed: unknown;
  confirmation: string | null;
  links: unknown;
  reviewDate: Date | string | null;
}): StoredRecordFields {
  const c = (row.consequences ?? {}) as Record<string, unknown>;
  return {
    chosenOptionKey: row.chosenOptionKey,
    justification: row.justification,
    rationale: row.rationale,
    consequences: { good: strings(c.good), neutral: strings(c.neutral), bad: strings(c.bad) },
    decisionMakers: persons(row.decisionMakers),
    consulted: persons(row.consulted),
    informed: persons(row.informed),
    confirmation: row.confirmation,
    links: Array.isArray(row.links)
      ? (row.links as unknown[]).flatMap((l) =>
          l && typeof l === "object" && typeof (l as { url: unknown }).url === "string"
            ? [
                {
                  label: String((l as { label?: unknown }).label ?? ""),
                  url: (l as { url: string }).url,
                },
              ]
            : [],
        )
      : [],
    reviewDate:
      row.reviewDate == null
        ? null
        : typeof row.reviewDate === "string"
          ? row.reviewDate
          : row.reviewDate.toISOString(),
  };
}
