import type { Prisma, PrismaClient, Role } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { slugify } from "../export/file-name";
import { currentRole } from "../member/current-role";
import { canManageProject, type ProjectStatus } from "../project/access";
import { recordEvent } from "../project/events";
import { createDecisionRecord, toJson } from "../record/record-decision";
import { type RecordSource, readRecordSource } from "../record/record-source";
import { INDEX_MARKER } from "./folder";
import { type ParsedRecord, readRecordFile } from "./read-record-file";

/**
 * Imports a docs/decisions folder (adr-tools, MADR 2 to 4, log4brains) into a team: every file
 * that reads as a decision record becomes a decided, read-only record, with its supersede links;
 * every other file gets a reason. `dryRun` returns the same preview and writes nothing; otherwise
 * everything is written in one transaction, or nothing.
 */

/** A record file is at most this large; decision records are a few kilobytes. */
export const MAX_RECORD_FILE_BYTES = 512 * 1024;
/** An import reads at most this many files. */
export const MAX_IMPORT_FILES = 1000;

export type FolderImportFile = {
  /** The file's path in the folder or zip it came from; only its last part is kept. */
  name: string;
  size: number;
  /** Base64 of the file's bytes; null where the client did not read it (too large). */
  content: string | null;
};

export type ImportPreview = {
  records: {
    fileName: string;
    number: number;
    title: string;
    status: string;
    date: string;
    supersedes: string[];
    supersededBy: string[];
    warnings: string[];
    /**
     * The file was imported before as record `number` and has changed since: importing it adds
     * this revision of that record (same number, same file) instead of a second record.
     */
    revises?: { revision: number };
  }[];
  /**
   * `importedAs`: the file is already the team's record of that number (imported before).
   * `conflict`: the file is record `number`'s, and the import would change that record in a way
   * the caller may not (only its creator or a team admin may, as in the app): the file changed
   * since it was imported (a revision), or other files say they supersede it. The record is
   * left as it is, and `revisableBy` says who can import the change.
   */
  skipped: {
    fileName: string;
    reason: string;
    importedAs?: number;
    conflict?: { number: number; revisableBy: string };
  }[];
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The last part of a path, or a reason it cannot be read (absolute, `..`, control characters). */
function safeName(path: string): { name: string } | { reason: string } {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused in names
  if (/[\u0000-\u001f\u007f]/.test(path)) return { reason: "its name has control characters" };
  const parts = path.replaceAll("\\", "/").split("/");
  if (path.startsWith("/") || /^[a-zA-Z]:/.test(path) || parts.includes(".."))
    return {
      reason: "its path leaves the folder (absolute, or with ..); nothing is read outside it",
    };
  const name = parts.at(-1) ?? "";
  if (!name || name.length > 255) return { reason: "its name is empty or too long" };
  return { name };
}

type Read = {
  parsed: ParsedRecord[];
  skipped: ImportPreview["skipped"];
  /** The numbers Tradeoff's index gave the files it lists (log4brains names carry none). */
  indexed: Map<string, number>;
};

/** The rows of Tradeoff's index: `| [12. Title](file.md) | status | date |`. */
function indexNumbers(text: string): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const line of text.split("\n")) {
    const row = /^\| \[(\d{1,6})\. .*\]\(<?([^()<>\s]+\.md)>?\) \|/.exec(line);
    if (row?.[1] && row[2]) numbers.set(row[2], Number(row[1]));
  }
  return numbers;
}

function readFiles(files: FolderImportFile[]): Read {
  const parsed: ParsedRecord[] = [];
  const skipped: ImportPreview["skipped"] = [];
  const seen = new Set<string>();
  let indexed = new Map<string, number>();
  for (const file of files) {
    const safe = safeName(file.name);
    if ("reason" in safe) {
      skipped.push({ fileName: file.name.slice(0, 255), reason: safe.reason });
      continue;
    }
    const fileName = safe.name;
    const skip = (reason: string) => skipped.push({ fileName, reason });
    if (!fileName.toLowerCase().endsWith(".md")) {
      skip("not a Markdown file (.md)");
      continue;
    }
    if (seen.has(fileName)) {
      skip("another file of the same name is already imported (records live in one folder)");
      continue;
    }
    seen.add(fileName);
    if (file.content === null || file.size > MAX_RECORD_FILE_BYTES) {
      skip(
        `too large: ${file.size} bytes; a record file is at most ${MAX_RECORD_FILE_BYTES / 1024} KB`,
      );
      continue;
    }
    const bytes = Buffer.from(file.content, "base64");
    if (bytes.length > MAX_RECORD_FILE_BYTES) {
      skip(`too large: a record file is at most ${MAX_RECORD_FILE_BYTES / 1024} KB`);
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      skip("not text: the file is binary or not UTF-8");
      continue;
    }
    if (text.includes("\u0000")) {
      skip("not text: the file is binary (it has NUL bytes)");
      continue;
    }
    text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
    if (text.startsWith(INDEX_MARKER)) {
      indexed = indexNumbers(text);
      skip("the index Tradeoff writes (records are read from their own files)");
      continue;
    }
    const outcome = readRecordFile(fileName, text);
    if ("reason" in outcome) skip(outcome.reason);
    else parsed.push(outcome.record);
  }
  return { parsed, skipped, indexed };
}

type Edge = { predecessor: string; successor: string };

/**
 * The supersede links between the files read, each once; links to files that are not records
 * here and links that would close a cycle are left out with a warning on the record.
 */
function supersessions(parsed: ParsedRecord[], warn: (file: string, text: string) => void) {
  const known = new Set(parsed.map((r) => r.fileName));
  // Ordered: a predecessor's successors in the order its file lists them (then the successors').
  const edges: Edge[] = [];
  const has = (e: Edge) =>
    edges.some((x) => x.predecessor === e.predecessor && x.successor === e.successor);
  const add = (e: Edge, from: string, target: string) => {
    if (!known.has(target)) {
      warn(from, `links to ${target}, which is not a record in this import; the link is left out`);
      return;
    }
    if (e.predecessor === e.successor) return;
    if (!has(e)) edges.push(e);
  };
  for (const r of parsed)
    for (const s of r.supersededBy) add({ predecessor: r.fileName, successor: s }, r.fileName, s);
  for (const r of parsed)
    for (const p of r.supersedes) add({ predecessor: p, successor: r.fileName }, r.fileName, p);
  // A forward chain only: an edge that would make a record supersede itself is left out.
  const kept: Edge[] = [];
  const reaches = (from: string, to: string): boolean => {
    const stack = [from];
    const visited = new Set<string>();
    while (stack.length) {
      const at = stack.pop() as string;
      if (at === to) return true;
      if (visited.has(at)) continue;
      visited.add(at);
      for (const e of kept) if (e.predecessor === at) stack.push(e.successor);
    }
    return false;
  };
  for (const e of edges) {
    if (reaches(e.successor, e.predecessor)) {
      warn(
        e.predecessor,
        `"superseded by ${e.successor}" would make a cycle of records superseding each other; the link is left out`,
      );
      continue;
    }
    kept.push(e);
  }
  return linkOrder(parsed, kept);
}

/**
 * The edges in an order every file agrees with: each record lists its successors, and its
 * predecessors, in the order they were linked (their creation order, when written again).
 */
function linkOrder(parsed: ParsedRecord[], edges: Edge[]): Edge[] {
  const id = (predecessor: string, successor: string) => `${predecessor}\n${successor}`;
  const index = new Map(edges.map((e, i) => [id(e.predecessor, e.successor), i]));
  const after = new Map<number, Set<number>>();
  const before = edges.map(() => 0);
  const chain = (ids: string[]) => {
    const at = ids.flatMap((k) => (index.has(k) ? [index.get(k) as number] : []));
    for (let i = 1; i < at.length; i++) {
      const [a, b] = [at[i - 1] as number, at[i] as number];
      const set = after.get(a) ?? new Set<number>();
      if (!set.has(b)) {
        set.add(b);
        before[b] = (before[b] ?? 0) + 1;
      }
      after.set(a, set);
    }
  };
  for (const r of parsed) {
    chain(r.supersededBy.map((s) => id(r.fileName, s)));
    chain(r.supersedes.map((p) => id(p, r.fileName)));
  }
  const out: Edge[] = [];
  const done = new Set<number>();
  while (out.length < edges.length) {
    // The first edge nothing must precede; if the files disagree, the first left.
    const next =
      edges.findIndex((_, i) => !done.has(i) && before[i] === 0) >= 0
        ? edges.findIndex((_, i) => !done.has(i) && before[i] === 0)
        : edges.findIndex((_, i) => !done.has(i));
    done.add(next);
    out.push(edges[next] as Edge);
    for (const b of after.get(next) ?? []) before[b] = (before[b] ?? 0) - 1;
  }
  return out;
}

/** The number each record gets: the folder's own, when all are free in the team; else the next ones. */
function numbering(
  parsed: ParsedRecord[],
  edges: Edge[],
  taken: Set<number>,
  last: number,
  indexed: Map<string, number>,
): Map<string, number> {
  // A file's number: in its name or title (adr-tools, MADR), else in Tradeoff's index.
  const numberOf = (r: ParsedRecord) => r.number ?? indexed.get(r.fileName) ?? null;
  // log4brains records of a day with one title: `day-title.md`, then `day-title-N.md` by N.
  const names = new Set(parsed.map((r) => r.fileName));
  const nameKey = (file: string): [string, number] => {
    const suffixed = /^(.*)-(\d{1,6})\.md$/.exec(file);
    return suffixed?.[1] && names.has(`${suffixed[1]}.md`)
      ? [`${suffixed[1]}.md`, Number(suffixed[2])]
      : [file, 0];
  };
  const byName = (a: string, b: string) => {
    const [x, y] = [nameKey(a), nameKey(b)];
    return x[0].localeCompare(y[0]) || x[1] - y[1];
  };
  // Files without a number (log4brains) in date order, a superseded record before its successor.
  const depth = new Map<string, number>();
  const depthOf = (file: string, seen = new Set<string>()): number => {
    const known = depth.get(file);
    if (known !== undefined) return known;
    seen.add(file);
    const before = edges.filter((e) => e.successor === file && !seen.has(e.predecessor));
    const d = before.length ? 1 + Math.max(...before.map((e) => depthOf(e.predecessor, seen))) : 0;
    depth.set(file, d);
    return d;
  };
  const ordered = [...parsed].sort(
    (a, b) =>
      (numberOf(a) ?? Number.MAX_SAFE_INTEGER) - (numberOf(b) ?? Number.MAX_SAFE_INTEGER) ||
      a.date.localeCompare(b.date) ||
      depthOf(a.fileName) - depthOf(b.fileName) ||
      byName(a.fileName, b.fileName),
  );
  const own = ordered.map(numberOf);
  const keep =
    own.every((n): n is number => n !== null && n > 0) &&
    new Set(own).size === own.length &&
    own.every((n) => !taken.has(n as number));
  const out = new Map<string, number>();
  ordered.forEach((r, i) => {
    out.set(r.fileName, keep ? (numberOf(r) as number) : last + i + 1);
  });
  return out;
}

/** A record of the team imported before from a file of this import: the same file, maybe edited. */
type Imported = {
  projectId: string;
  recordId: string;
  number: number;
  status: ProjectStatus;
  revision: number;
  /** The same file as when it was imported: file name, format, title, day, status and body. */
  unchanged: boolean;
  createdById: string | null;
  /** Who imported it first (its creator), while they have an account. */
  creatorName: string | null;
};

/**
 * Why a record the caller may not revise or supersede is left as it is, and who can import the
 * change: its file changed since it was imported (`changed`), or files of this import say they
 * supersede it (`supersededBy`), or both.
 */
function conflictOf(before: Imported, changed: boolean, supersededBy: string[]) {
  const revisableBy = before.creatorName
    ? `${before.creatorName} (who imported it) or a team admin`
    : "a team admin";
  const files = supersededBy.join(", ");
  const says = supersededBy.length === 1 ? "says it supersedes" : "say they supersede";
  const facts = [
    `record ${before.number} was imported from this file`,
    ...(changed ? ["which has changed since"] : []),
    ...(supersededBy.length ? [`and ${files} ${says} it`] : []),
  ].join(", ");
  const may = [...(changed ? ["revise"] : []), ...(supersededBy.length ? ["supersede"] : [])];
  const outcome = supersededBy.length
    ? `it is left as it is, not superseded. Ask one of them to import these files, or to supersede record ${before.number} in the app.`
    : "it is left as it is. Ask one of them to import the changed file.";
  return {
    number: before.number,
    revisableBy,
    reason: `${facts}, but only ${revisableBy} can ${may.join(" or ")} it: ${outcome}`,
  };
}

/** A record imported before from a file of the same name that this file is not (another folder's). */
type NameClash = { number: number; format: RecordSource["format"]; date: string };

const FORMAT_NAMES: Record<RecordSource["format"], string> = {
  nygard: "adr-tools",
  madr: "MADR",
  log4brains: "log4brains",
};

/**
 * The team's records imported before from the files of this import. A file is its record's when
 * it has the record's file name, format and date: the name alone is not the file (every
 * adr-tools folder starts with `0001-record-architecture-decisions.md`, every MADR folder with
 * its own), and the date is what the tools keep while a record is edited (adr-tools writes it
 * once, log4brains names the file after it). An unchanged file is skipped (a retry after a
 * timeout, or a second import of the same folder, creates nothing twice); a changed one is a new
 * revision of its record, so the record keeps its number and its file. A file that has only the
 * name of a record's file is another folder's record: `clashes` names the record it is not.
 */
async function importedRecords(
  tx: Pick<PrismaClient, "decisionRecord">,
  teamId: string,
  parsed: ParsedRecord[],
): Promise<{ found: Map<string, Imported>; clashes: Map<string, NameClash> }> {
  const files = new Map(parsed.map((r) => [r.fileName, r]));
  const records = await tx.decisionRecord.findMany({
    where: { teamId },
    orderBy: { project: { number: "asc" } },
    select: {
      id: true,
      revision: true,
      source: true,
      decidedAt: true,
      project: {
        select: {
          id: true,
          number: true,
          title: true,
          status: true,
          createdById: true,
          createdBy: { select: { name: true, email: true } },
        },
      },
    },
  });
  const found = new Map<string, Imported>();
  const clashes = new Map<string, NameClash>();
  for (const { source: raw, project, ...record } of records) {
    const source = readRecordSource(raw);
    const file = source && files.get(source.fileName);
    if (!source || !file) continue;
    const date = record.decidedAt.toISOString().slice(0, 10);
    if (source.format !== file.format || date !== file.date) {
      if (!clashes.has(file.fileName))
        clashes.set(file.fileName, { number: project.number, format: source.format, date });
      continue;
    }
    const unchanged =
      source.status === file.status &&
      project.title === file.title.slice(0, 200) &&
      JSON.stringify(source.body) === JSON.stringify(file.body) &&
      JSON.stringify(source.statusLayout ?? null) === JSON.stringify(file.statusLayout ?? null);
    const known = found.get(file.fileName);
    // Two records of one file (imported twice before revisions existed): the unchanged one, else the first.
    if (known && (known.unchanged || !unchanged)) continue;
    found.set(file.fileName, {
      projectId: project.id,
      recordId: record.id,
      number: project.number,
      status: project.status,
      revision: record.revision,
      unchanged,
      createdById: project.createdById,
      creatorName: project.createdBy ? (project.createdBy.name ?? project.createdBy.email) : null,
    });
  }
  for (const file of found.keys()) clashes.delete(file);
  return { found, clashes };
}

/** Why a file with the name of a record's file becomes a record of its own, and how to say otherwise. */
function clashWarning(file: ParsedRecord, clash: NameClash): string {
  const what =
    clash.format === file.format
      ? `dated ${clash.date}, and this one is dated ${file.date}`
      : `written as ${FORMAT_NAMES[clash.format]}, and this one as ${FORMAT_NAMES[file.format]}`;
  const fix =
    clash.format === file.format
      ? `give it the date ${clash.date} again`
      : `write it as ${FORMAT_NAMES[clash.format]} again`;
  return `record ${clash.number} was imported from a file of this name, but not from this file: that one was ${what}. It is imported as a new record; if it is record ${clash.number}'s file, edited, ${fix} to revise record ${clash.number} instead.`;
}

/** Option keys from names: slugs, unique, at most 40 characters. */
function optionsOf(record: ParsedRecord) {
  const names = [...record.options];
  if (record.chosen && !names.includes(record.chosen)) names.push(record.chosen);
  // adr-tools records name no options: the decision itself is the one option.
  if (!names.length) names.push(record.title);
  const keys = new Set<string>();
  const options = names.map((name, position) => {
    let key = slugify(name).slice(0, 36).replace(/-+$/, "") || "option";
    if (keys.has(key)) key = `${key}-${position + 1}`;
    keys.add(key);
    return { key, name: name.slice(0, 200), description: "", position };
  });
  const chosen = options.find((o) => o.name === (record.chosen ?? names[0])) ?? options[0];
  return { options, chosenKey: chosen?.key ?? "option" };
}

const projectStatus = (record: ParsedRecord, superseded: boolean) =>
  superseded
    ? ("SUPERSEDED" as const)
    : record.status === "rejected" || record.status === "deprecated"
      ? ("ARCHIVED" as const)
      : ("DECIDED" as const);

/** The stored fields of a record read from its file (revision 1, or a later one re-imported). */
const storedOf = (record: ParsedRecord, chosenKey: string) => ({
  chosenOptionKey: chosenKey,
  justification: null,
  rationale: record.rationale || "The imported file gives no reason of its own.",
  consequences: record.consequences,
  decisionMakers: record.decisionMakers.map((name) => ({ name })),
  consulted: record.consulted.map((name) => ({ name })),
  informed: record.informed.map((name) => ({ name })),
  confirmation: null,
  links: [],
  reviewDate: null,
});

const sourceOf = (record: ParsedRecord): RecordSource => ({
  format: record.format,
  fileName: record.fileName,
  status: record.status,
  body: record.body,
  ...(record.statusLayout ? { statusLayout: record.statusLayout } : {}),
});

export async function importFolder(
  db: PrismaClient,
  actor: { userId: string; teamId: string; role: Role },
  input: { files: FolderImportFile[]; dryRun: boolean },
): Promise<ImportPreview & { dryRun: boolean }> {
  if (input.files.length > MAX_IMPORT_FILES)
    throw new DomainError(
      "BAD_REQUEST",
      `The folder has ${input.files.length} files; an import reads at most ${MAX_IMPORT_FILES}. Import it in parts.`,
    );
  const read = readFiles(input.files);

  const plan = async (
    tx: Pick<PrismaClient, "project" | "decisionRecord" | "supersession">,
    role: Role,
  ) => {
    const { found: imported, clashes } = await importedRecords(tx, actor.teamId, read.parsed);
    const unchanged = (r: ParsedRecord) => imported.get(r.fileName)?.unchanged === true;
    // A record imported before changes, by a new revision or by being superseded, only for who
    // may change it in the app (record.revise, record.supersede): its creator or a team admin.
    const notTheirs = (file: string) => {
      const before = imported.get(file);
      return before !== undefined && !canManageProject({ userId: actor.userId, role }, before);
    };
    // A changed file revises its record only for them.
    const refused = (r: ParsedRecord) => !unchanged(r) && notTheirs(r.fileName);
    // To create, and to revise (changed since imported); links may name any file of the folder.
    const parsed = read.parsed.filter((r) => !unchanged(r) && !refused(r));
    const created = parsed.filter((r) => !imported.has(r.fileName));
    const warnings = new Map<string, string[]>();
    const warn = (file: string, text: string) => {
      // A file skipped as unchanged had its links read when it was imported.
      if (!unchanged(read.parsed.find((r) => r.fileName === file) as ParsedRecord))
        warnings.set(file, [...(warnings.get(file) ?? []), text]);
    };
    for (const r of created) {
      const clash = clashes.get(r.fileName);
      if (clash) warn(r.fileName, clashWarning(r, clash));
    }
    const linkedInFiles = supersessions(read.parsed, warn);
    const existing = await tx.project.findMany({
      where: { teamId: actor.teamId },
      select: { number: true },
    });
    const taken = new Set(existing.map((p) => p.number));
    const numbers = numbering(
      created,
      linkedInFiles.filter((e) => !imported.has(e.predecessor) && !imported.has(e.successor)),
      taken,
      Math.max(0, ...taken),
      read.indexed,
    );
    for (const [file, before] of imported) numbers.set(file, before.number);
    // Links the team has already (imported before, or made here) are not made twice.
    const ids = [...imported.values()].map((i) => i.projectId);
    const linked = new Set(
      (
        await tx.supersession.findMany({
          where: { predecessorId: { in: ids }, successorId: { in: ids } },
          select: { predecessorId: true, successorId: true },
        })
      ).map((l) => `${l.predecessorId}\n${l.successorId}`),
    );
    const isNew = (e: Edge) => {
      const [p, s] = [imported.get(e.predecessor), imported.get(e.successor)];
      return !(p && s && linked.has(`${p.projectId}\n${s.projectId}`));
    };
    // A new link supersedes its predecessor: only for who may supersede that record.
    const edges = linkedInFiles.filter((e) => !isNew(e) || !notTheirs(e.predecessor));
    const newEdges = edges.filter(isNew);
    const supersededBy = (file: string) =>
      linkedInFiles
        .filter((e) => e.predecessor === file && !edges.includes(e))
        .map((e) => e.successor);
    const skipped = [
      ...read.skipped,
      ...read.parsed.flatMap((r): ImportPreview["skipped"] => {
        const before = imported.get(r.fileName);
        const successors = supersededBy(r.fileName);
        if (before && (refused(r) || successors.length)) {
          const { reason, ...conflict } = conflictOf(before, refused(r), successors);
          return [{ fileName: r.fileName, reason, conflict }];
        }
        return before?.unchanged
          ? [
              {
                fileName: r.fileName,
                reason: `already imported into this team as record ${before.number} (the same file, unchanged)`,
                importedAs: before.number,
              },
            ]
          : [];
      }),
    ];
    return { parsed, skipped, warnings, edges, newEdges, numbers, imported };
  };
  const preview = ({
    parsed,
    skipped,
    warnings,
    edges,
    numbers,
    imported,
  }: Awaited<ReturnType<typeof plan>>): ImportPreview => ({
    records: [...parsed]
      .sort((a, b) => (numbers.get(a.fileName) ?? 0) - (numbers.get(b.fileName) ?? 0))
      .map((r) => {
        const before = imported.get(r.fileName);
        return {
          fileName: r.fileName,
          number: numbers.get(r.fileName) ?? 0,
          title: r.title,
          status:
            before?.status === "SUPERSEDED" || edges.some((e) => e.predecessor === r.fileName)
              ? "superseded"
              : r.status,
          date: r.date,
          supersedes: edges.filter((e) => e.successor === r.fileName).map((e) => e.predecessor),
          supersededBy: edges.filter((e) => e.predecessor === r.fileName).map((e) => e.successor),
          warnings: warnings.get(r.fileName) ?? [],
          ...(before ? { revises: { revision: before.revision + 1 } } : {}),
        };
      }),
    skipped,
  });

  if (input.dryRun) return { ...preview(await plan(db, actor.role)), dryRun: true };

  return db.$transaction(
    async (tx) => {
      // Numbers are given under the team's lock, as when a project is created.
      await tx.$queryRaw`SELECT id FROM teams WHERE id = ${actor.teamId} FOR UPDATE`;
      // The role as it is under the team's lock: an admin demoted meanwhile revises as a member.
      const role = await currentRole(tx, {
        teamId: actor.teamId,
        actorId: actor.userId,
        minRole: "MEMBER",
      });
      const planned = await plan(tx, role);
      const { parsed, edges, newEdges, numbers, imported } = planned;
      const ids = new Map([...imported].map(([file, i]) => [file, i.projectId]));
      for (const record of parsed) {
        const superseded = edges.some((e) => e.predecessor === record.fileName);
        const decidedAt = new Date(`${record.date}T00:00:00.000Z`);
        const before = imported.get(record.fileName);
        if (before) {
          await reviseFromFile(tx, actor, before, record, superseded);
          continue;
        }
        const { options, chosenKey } = optionsOf(record);
        const project = await tx.project.create({
          data: {
            teamId: actor.teamId,
            number: numbers.get(record.fileName) as number,
            title: record.title.slice(0, 200),
            context: record.context,
            status: projectStatus(record, superseded),
            tags: record.tags,
            createdById: actor.userId,
            createdAt: decidedAt,
            closedAt: decidedAt,
            options: { create: options },
          },
          select: { id: true },
        });
        ids.set(record.fileName, project.id);
        await createDecisionRecord(tx, {
          projectId: project.id,
          teamId: actor.teamId,
          actorId: actor.userId,
          recommendedKey: null,
          decidedAt,
          fields: storedOf(record, chosenKey),
          recordOnly: { source: toJson(sourceOf(record)) },
          note: `Imported from ${record.fileName}.`,
        });
        await recordEvent(tx, actor, project.id, {
          type: "project.imported",
          data: { file: record.fileName, format: record.format, decided: true },
        });
      }
      // Links keep the folder's order: records list their successors in the order they were linked.
      const base = Date.now();
      for (const [i, e] of newEdges.entries()) {
        const predecessorId = ids.get(e.predecessor) as string;
        await tx.supersession.create({
          data: {
            predecessorId,
            successorId: ids.get(e.successor) as string,
            createdById: actor.userId,
            createdAt: new Date(base + i),
          },
          select: { id: true },
        });
        // A record imported before, unchanged, that a new file supersedes.
        await tx.project.updateMany({
          where: { id: predecessorId, status: { in: ["DECIDED", "ARCHIVED"] } },
          data: { status: "SUPERSEDED" },
        });
      }
      return { ...preview(planned), dryRun: false };
    },
    { timeout: 60_000 },
  );
}

/**
 * A file changed since it was imported: the record follows its file with a new revision (the
 * record is read-only in the app, so its file is where it changes). Its number, its links and a
 * status the team gave it (superseded, archived) stay.
 */
async function reviseFromFile(
  tx: Prisma.TransactionClient,
  actor: { userId: string; teamId: string },
  before: Imported,
  record: ParsedRecord,
  superseded: boolean,
) {
  await tx.$queryRaw`SELECT id FROM projects WHERE id = ${before.projectId} FOR UPDATE`;
  const decidedAt = new Date(`${record.date}T00:00:00.000Z`);
  const { options, chosenKey } = optionsOf(record);
  const known = await tx.option.findMany({
    where: { projectId: before.projectId },
    select: { key: true },
  });
  const keys = new Set(known.map((o) => o.key));
  // Options stay (votes may name them); the file's new ones are added, renamed ones renamed.
  for (const option of options) {
    if (keys.has(option.key))
      await tx.option.updateMany({
        where: { projectId: before.projectId, key: option.key },
        data: { name: option.name },
      });
    else
      await tx.option.create({
        data: { ...option, position: keys.size + option.position, projectId: before.projectId },
        select: { id: true },
      });
  }
  const status =
    before.status === "SUPERSEDED" || superseded
      ? "SUPERSEDED"
      : before.status === "ARCHIVED"
        ? "ARCHIVED"
        : projectStatus(record, false);
  await tx.project.update({
    where: { id: before.projectId },
    data: {
      title: record.title.slice(0, 200),
      context: record.context,
      tags: record.tags,
      status,
      closedAt: decidedAt,
    },
    select: { id: true },
  });
  const fields = storedOf(record, chosenKey);
  const revision = before.revision + 1;
  const note = `Imported again from ${record.fileName}, changed since revision ${before.revision}.`;
  await tx.decisionRecordRevision.create({
    data: {
      recordId: before.recordId,
      revision,
      note,
      authorId: actor.userId,
      data: toJson(fields),
    },
    select: { id: true },
  });
  await tx.decisionRecord.update({
    where: { id: before.recordId },
    data: { ...fields, revision, decidedAt, source: toJson(sourceOf(record)) },
    select: { id: true },
  });
  await recordEvent(tx, actor, before.projectId, {
    type: "decision.revised",
    data: { revision, note, chosenOptionKey: chosenKey },
  });
}
