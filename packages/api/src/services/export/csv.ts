import type { RecordView } from "../record/record-view";
import type { ExportEvent } from "./events";

/**
 * Every CSV file starts with a UTF-8 byte order mark: without it, spreadsheet programs (Excel
 * in particular) read the file in the system's legacy encoding and garble accented names.
 */
export const CSV_BOM = "\ufeff";

/**
 * RFC 4180 CSV. Text typed by people is defused against spreadsheet formulas (a leading
 * =, +, - or @ gets a quote mark), numbers are written as they are.
 */
export function csvField(value: unknown, { text = false } = {}): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "string" ? value : String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const row = (fields: string[]) => `${fields.join(",")}\r\n`;

/**
 * One row per vote, after the byte order mark: member, criterion, importance, a column per
 * option, whether it is an explicit "no opinion", rationale, updated at.
 */
export function votesCsv(view: RecordView): string {
  const header = row([
    "member",
    "criterion",
    "importance",
    ...view.options.map((o) => csvField(o.key)),
    "no_opinion",
    "rationale",
    "updated_at",
  ]);
  const rows = (view.votes ?? []).map((v) =>
    row([
      csvField(v.member, { text: true }),
      csvField(v.criterionKey),
      csvField(v.weight),
      ...view.options.map((o) => csvField(v.scores[o.key])),
      csvField(v.noOpinion),
      csvField(v.rationale, { text: true }),
      csvField(v.updatedAt),
    ]),
  );
  return CSV_BOM + header + rows.join("");
}

/** The first chunk of the events CSV. */
export const EVENTS_CSV_HEADER =
  CSV_BOM + row(["id", "at", "actor", "type", "criterion", "data", "last_edit_at"]);

export function eventsCsvRows(events: ExportEvent[]): string {
  return events
    .map((e) =>
      row([
        csvField(e.id),
        csvField(e.at),
        csvField(e.actor, { text: true }),
        csvField(e.type),
        csvField(e.criterionKey),
        csvField(JSON.stringify(e.data ?? {}), { text: true }),
        csvField(e.lastEditAt),
      ]),
    )
    .join("");
}
