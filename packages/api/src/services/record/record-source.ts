/**
 * Where an imported record came from: a file of a docs/decisions folder (adr-tools, MADR or
 * log4brains). Its Markdown after the title and status is kept as written, so exporting the
 * record again gives back the same file; the title, status, date, people, tags and supersede
 * links are Tradeoff's own fields and are written from them.
 */
export type RecordSource = {
  format: "madr" | "log4brains" | "nygard";
  /** The file's name in the folder it was imported from. */
  fileName: string;
  /** The status word as the file had it: accepted, proposed, rejected, deprecated, superseded... */
  status: string;
  /**
   * The body as written, in one or two parts: the supersede lines ("Supersedes [2. Title](...)")
   * sat between the two and are written there again from the record's links.
   */
  body: string[];
  /**
   * adr-tools' Status section in the file's order: the places of its status word, its
   * "Supersedes" and its "Superseded by" lines (STATUS_PLACES, written from the record's status
   * and links), and every other paragraph as written (`adr link`'s "Amends [..](..)").
   */
  statusLayout?: string[];
};

/**
 * The places of a Status section's lines that are written from the record's fields. Each starts
 * with a line end, which a paragraph kept as written never does.
 */
export const STATUS_PLACES = {
  status: "\nstatus",
  supersedes: "\nsupersedes",
  supersededBy: "\nsuperseded-by",
} as const;

/** Reads the stored JSON column defensively: anything unexpected is no source at all. */
export function readRecordSource(raw: unknown): RecordSource | null {
  if (!raw || typeof raw !== "object") return null;
  const s = raw as Partial<RecordSource>;
  if (s.format !== "madr" && s.format !== "log4brains" && s.format !== "nygard") return null;
  if (typeof s.fileName !== "string" || typeof s.status !== "string") return null;
  if (!Array.isArray(s.body) || s.body.length < 1 || s.body.length > 2) return null;
  if (!s.body.every((part) => typeof part === "string")) return null;
  const layout =
    Array.isArray(s.statusLayout) && s.statusLayout.every((part) => typeof part === "string")
      ? { statusLayout: s.statusLayout }
      : {};
  return { format: s.format, fileName: s.fileName, status: s.status, body: s.body, ...layout };
}
