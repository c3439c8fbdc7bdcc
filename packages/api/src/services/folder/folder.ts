import { day } from "../export/facts";
import { recordBaseName, slugify } from "../export/file-name";
import {
  type FileNameOf,
  type LinkTarget,
  type MarkdownVariant,
  toFolderMarkdown,
} from "../export/markdown";
import { markdownDestination, markdownLine } from "../export/markdown-text";
import { recordStatusOf } from "../export/record-status";
import type { RecordView } from "../record/record-view";

/**
 * A docs/decisions folder as a pure function of the team's records: one Markdown file per
 * record, named as each tool names them, and a README.md index. The CLI writes it to disk
 * (`tradeoff export --all`); anything else (a zip download) can serve the same files.
 */
export type FolderFile = { name: string; content: string };

/** The first line of the index: marks it as written by Tradeoff, and says so to people. */
export const INDEX_MARKER =
  "<!-- Written by `tradeoff export --all`: this index and the records it lists are rewritten on every export. Other files in this folder are left alone. -->";
export const INDEX_NAME = "README.md";

/** What a record's file name in the folder is made of: a record view has it all. */
export type NamedRecord = {
  project: Pick<RecordView["project"], "id" | "number" | "title" | "createdAt">;
  decision: { decidedAt: string } | null;
  source: Pick<NonNullable<RecordView["source"]>, "fileName" | "format"> | null;
};

/** The day a record's file is named after (log4brains): when it was decided, else created. */
const fileDay = (view: NamedRecord) =>
  (view.decision?.decidedAt ?? view.project.createdAt).slice(0, 10).replaceAll("-", "");

/** A file name any file system and the CLI take as one plain Markdown file. */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.md$/;

/**
 * The name (without .md) an imported record had in its folder, where this format names files the
 * same way: adr-tools and MADR `NNNN-title.md` while the number is still the record's, log4brains
 * `YYYYMMDD-title.md`. Exported back into that folder, the record is the same file again (adr-tools
 * writes "für" as `f-r`, Tradeoff as `fur`; adr-tools never shortens a title).
 */
function importedName(view: NamedRecord, format: MarkdownVariant): string | null {
  const name = view.source?.fileName;
  if (!name || !PLAIN_NAME.test(name)) return null;
  const base = name.slice(0, -".md".length);
  if (format === "log4brains")
    return view.source?.format === "log4brains" && /^\d{8}-/.test(name) ? base : null;
  const number = /^(\d+)-/.exec(name)?.[1];
  return number !== undefined && Number(number) === view.project.number ? base : null;
}

/**
 * File names of a folder, by project id: adr-tools and MADR `0001-title.md`; log4brains
 * `YYYYMMDD-title.md`, with `-N` (the record's number) where two records of a day share a title.
 * An imported record keeps the name its file had (importedName).
 */
export function folderFileNames(
  views: NamedRecord[],
  format: MarkdownVariant,
): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const byNumber = [...views].sort((a, b) => a.project.number - b.project.number);
  // Imported names first: a record named by Tradeoff never takes one of them.
  for (const view of byNumber) {
    const base = importedName(view, format);
    if (base && !taken.has(base.toLowerCase())) {
      taken.add(base.toLowerCase());
      names.set(view.project.id, `${base}.md`);
    }
  }
  for (const view of byNumber) {
    if (names.has(view.project.id)) continue;
    let base =
      format === "log4brains"
        ? `${fileDay(view)}-${slugify(view.project.title)}`
        : recordBaseName(view);
    if (taken.has(base)) base = `${base}-${view.project.number}`;
    taken.add(base);
    names.set(view.project.id, `${base}.md`);
  }
  return names;
}

/** One word for the index: accepted, proposed, rejected, deprecated or superseded. */
export function statusWord(view: RecordView): string {
  return recordStatusOf({
    status: view.project.status,
    recorded: !view.draft,
    sourceStatus: view.source?.status ?? null,
  });
}

const recordDay = (view: RecordView) => day(view.decision?.decidedAt ?? view.project.createdAt);

/** The README.md index: newest first, with each record's status, date and a link to its file. */
export function folderIndex(views: RecordView[], names: Map<string, string>): string {
  const newest = [...views].sort(
    (a, b) => recordDay(b).localeCompare(recordDay(a)) || b.project.number - a.project.number,
  );
  const rows = newest.map((view) => {
    const file = names.get(view.project.id) ?? "";
    const title = `${view.project.number}. ${markdownLine(view.project.title)}`;
    return `| [${title}](${markdownDestination(file)}) | ${statusWord(view)} | ${recordDay(view)} |`;
  });
  return `${[
    INDEX_MARKER,
    "# Decision records",
    newest.length
      ? `The team's decision records, newest first.\n\n| Record | Status | Date |\n| --- | --- | --- |\n${rows.join("\n")}`
      : "No decision records yet.",
  ].join("\n\n")}\n`;
}

/**
 * Every file of the folder, the index last. Links between records resolve inside the folder.
 * Files change only when a record does: a proposed record leaves its live outcome to the app,
 * so a vote never makes a committed folder stale (see toFolderMarkdown).
 */
export function buildDecisionFolder(views: RecordView[], format: MarkdownVariant): FolderFile[] {
  const names = folderFileNames(views, format);
  // A linked record outside this folder (an export of one project) keeps MADR's name.
  const fileOf: FileNameOf = (p: LinkTarget) =>
    (p.id && names.get(p.id)) || `${recordBaseName({ project: p } as RecordView)}.md`;
  const byNumber = [...views].sort((a, b) => a.project.number - b.project.number);
  return [
    ...byNumber.map((view) => ({
      name: names.get(view.project.id) as string,
      content: toFolderMarkdown(view, format, { fileOf }),
    })),
    { name: INDEX_NAME, content: folderIndex(views, names) },
  ];
}
