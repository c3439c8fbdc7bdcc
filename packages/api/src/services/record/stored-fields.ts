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

/**
 * What a decision rested on when it was recorded: counted criteria, their share of the weight,
 * the ballots and the status then. Kept with the record, as later rounds change the votes.
 */
export type RecordCoverage = {
  counted: number;
  total: number;
  weightShare: number;
  complete: number;
  /** Members who had voted at all (complete or partial ballots). */
  voted: number;
  eligible: number;
  status: "provisional" | "ready";
  /**
   * Stored votes left out because their scores could not be read when the decision was
   * recorded; absent on a record kept before this count was (it is never guessed).
   */
  unreadableVotes?: number;
};

const count = (x: unknown) => (typeof x === "number" && Number.isFinite(x) && x >= 0 ? x : null);

/** Reads stored coverage defensively (JSON); null when absent or not of this shape. */
export function readRecordCoverage(raw: unknown): RecordCoverage | null {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const fields = [r.counted, r.total, r.weightShare, r.complete, r.voted, r.eligible].map(count);
  const [counted, total, weightShare, complete, voted, eligible] = fields;
  if (fields.some((f) => f === null)) return null;
  if (r.status !== "provisional" && r.status !== "ready") return null;
  const unreadableVotes = count(r.unreadableVotes);
  return {
    counted: counted as number,
    total: total as number,
    weightShare: weightShare as number,
    complete: complete as number,
    voted: voted as number,
    eligible: eligible as number,
    status: r.status,
    ...(unreadableVotes === null ? {} : { unreadableVotes }),
  };
}
