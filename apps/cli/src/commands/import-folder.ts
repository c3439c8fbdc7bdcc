import { lstat, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { CliError, EXIT_BAD_INPUT, EXIT_REFUSED } from "../errors";
import { terminalText } from "../format/terminal";
import type { Io } from "../io";
import { call, tokenIsReadOnly } from "../server/client";
import type { ServerConfig } from "../server/config";
import { connectToTeam } from "../server/resolve";

/**
 * As the server reads them: a record file is at most 512 KB, an import at most 1000 files in one
 * request of at most 64 MB (the files travel base64-encoded, a third larger than on disk).
 */
const MAX_FILE_BYTES = 512 * 1024;
const MAX_FILES = 1000;
const MAX_REQUEST_BYTES = 64 * 1024 * 1024;
/** Room left in a request for everything but the files' contents (names, sizes, JSON). */
const REQUEST_OVERHEAD_BYTES = 1024 * 1024;

/**
 * A numbered Markdown file (`0002-use-kafka.md`, `20240105-queue.md`): how adr-tools, MADR and
 * log4brains name their records. One of these left out of an import is a record lost, not an
 * unrelated file, so the import stops unless told otherwise.
 */
const looksLikeRecord = (fileName: string) => /^\d+[-_].*\.md$/i.test(fileName);

/** `importedAs`: the file is already that record of the team (imported before, unchanged). */
type Skipped = {
  fileName: string;
  reason: string;
  importedAs?: number;
  /** A record the caller may not revise or supersede, as it is in the team: who can. */
  conflict?: { number: number; revisableBy: string };
};

/**
 * `tradeoff import DIR [--dry-run]`: an adr-tools, MADR or log4brains folder into the team.
 * The server reads each file and answers with what it creates and what it could not read;
 * `--dry-run` shows that preview and writes nothing. One transaction: all or nothing.
 */
export async function importFolder(
  io: Io,
  dir: string,
  options: { team?: string; dryRun?: boolean; json?: boolean; allowSkipped?: boolean },
): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
    throw new CliError(EXIT_BAD_INPUT, `${dir}: this folder cannot be read.`);
  });
  const names = entries.map((e) => e.name).sort();
  if (names.length > MAX_FILES)
    throw new CliError(
      EXIT_BAD_INPUT,
      `${dir} has ${names.length} entries; an import reads at most ${MAX_FILES}. Import it in parts.`,
    );
  const local: Skipped[] = [];
  const files: { name: string; size: number; content: string | null }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    // lstat: a link is not followed out of the folder.
    const found = await lstat(path).catch(() => null);
    if (!found) local.push({ fileName: name, reason: "cannot be read" });
    else if (found.isSymbolicLink())
      local.push({ fileName: name, reason: "a symbolic link: only files in the folder are read" });
    else if (found.isDirectory())
      local.push({ fileName: name, reason: "a folder: records are read from this folder only" });
    else if (!found.isFile()) local.push({ fileName: name, reason: "not a regular file" });
    else if (!name.toLowerCase().endsWith(".md") || found.size > MAX_FILE_BYTES)
      files.push({ name, size: found.size, content: null });
    else {
      const bytes = await readFile(path).catch(() => null);
      if (bytes) files.push({ name, size: bytes.length, content: bytes.toString("base64") });
      else local.push({ fileName: name, reason: "cannot be read" });
    }
  }
  if (!files.length) {
    throw new CliError(
      EXIT_BAD_INPUT,
      `${dir} has no files to import.${local.length ? `\n${skippedLines(local)}` : ""}`,
    );
  }
  const contentBytes = files.reduce((sum, f) => sum + (f.content?.length ?? 0), 0);
  if (contentBytes + REQUEST_OVERHEAD_BYTES > MAX_REQUEST_BYTES) {
    throw new CliError(
      EXIT_BAD_INPUT,
      `${dir} holds ${megabytes(contentBytes)} MB of records once encoded; one import sends at most ${megabytes(MAX_REQUEST_BYTES - REQUEST_OVERHEAD_BYTES)} MB. Nothing was sent. Import the folder in parts: move the older records to a folder of their own and import each folder (links between records of different parts are not kept).`,
    );
  }
  const { config, client, team } = await connectToTeam(options.team);
  const send = (dryRun: boolean) =>
    call(config, () => client.export.importFolder.mutate({ teamId: team.id, files, dryRun }));
  const dryRun = options.dryRun === true;
  // All or nothing holds only for the files that are read: a record the server cannot read would
  // be left out of a real import, so the preview comes first and such a file stops it.
  const preview = await send(true).catch(async (error: unknown) => {
    if (
      error instanceof CliError &&
      error.exitCode === EXIT_REFUSED &&
      (await tokenIsReadOnly(config))
    )
      throw new CliError(EXIT_REFUSED, readOnlyToken(config, dryRun));
    throw error;
  });
  // A file imported before (a retry after a timeout) is in the team already, not lost.
  // A record the caller may not revise or supersede is in the team already, as it was.
  const lost = [...local, ...preview.skipped].filter(
    (s) => s.importedAs === undefined && !s.conflict && looksLikeRecord(s.fileName),
  );
  const result = dryRun || (lost.length && !options.allowSkipped) ? preview : await send(false);
  const skipped = [...local, ...result.skipped].sort((a, b) =>
    a.fileName.localeCompare(b.fileName),
  );
  const count = result.records.length;
  const before = skipped.filter((s) => s.importedAs !== undefined);
  const conflicts = skipped.filter((s) => s.conflict !== undefined);
  const unread = skipped.filter((s) => s.importedAs === undefined && !s.conflict);
  const refuseLost = () => {
    if (!lost.length || options.allowSkipped) return;
    const files = `${lost.length} numbered record file${lost.length === 1 ? "" : "s"}`;
    throw new CliError(
      EXIT_BAD_INPUT,
      dryRun
        ? `${files} would not be imported (listed above). Fix ${lost.length === 1 ? "it" : "them"}, or pass --allow-skipped to import the rest without ${lost.length === 1 ? "it" : "them"}.`
        : `${files} cannot be read, so nothing was imported:\n${skippedLines(lost)}\nFix ${lost.length === 1 ? "it" : "them"}, or pass --allow-skipped to import the rest without ${lost.length === 1 ? "it" : "them"}.`,
    );
  };
  if (options.json) {
    if (!dryRun) refuseLost();
    io.stdout(`${JSON.stringify({ team: team.slug, ...result, skipped }, null, 2)}\n`);
    if (count === 0 && !before.length && !conflicts.length)
      throw new CliError(EXIT_BAD_INPUT, `${dir} has no decision records to import.`);
    refuseLost();
    return;
  }
  if (!dryRun && count > 0) refuseLost();
  // Titles, file names and notes come from the user's files: shown, never obeyed by the terminal.
  const out = (text: string) => io.stdout(terminalText(text));
  const fileCount = (n: number) => `${n} file${n === 1 ? "" : "s"}`;
  const beforeLines = () => {
    if (before.length)
      out(`Already imported (${fileCount(before.length)}):\n${skippedLines(before)}\n`);
  };
  const conflictLines = () => {
    if (conflicts.length)
      out(
        `Left as they are, not yours to revise or supersede (${fileCount(conflicts.length)}):\n${skippedLines(conflicts)}\n`,
      );
  };
  const unreadLines = () => {
    if (unread.length)
      out(`Not imported (${fileCount(unread.length)}):\n${skippedLines(unread)}\n`);
  };
  // Every record already in the team: the folder is imported, as a retry hoped.
  if (count === 0 && (before.length || conflicts.length)) {
    out(
      conflicts.length
        ? `Nothing to import: every record of ${dir} is already in ${team.slug}, and the changes to them are not yours to make; nothing was written.\n`
        : `Nothing to import: every record of ${dir} is already in ${team.slug}, unchanged; nothing was created.\n`,
    );
    beforeLines();
    conflictLines();
    unreadLines();
    refuseLost();
    return;
  }
  // Not one record read: nothing was (or would be) created, which a script must not take for done.
  if (count === 0) {
    throw new CliError(
      EXIT_BAD_INPUT,
      `${dir} has no decision records to import; nothing was created.\nNot imported (${skipped.length} file${skipped.length === 1 ? "" : "s"}):\n${skippedLines(skipped)}`,
    );
  }
  out(
    `${whatImports(result.records, result.dryRun)} ${team.slug}${result.dryRun ? " (dry run: nothing was written)" : ""}:\n`,
  );
  for (const r of result.records) {
    // A file changed since it was imported: the record's next revision, same number and file.
    const from = r.revises
      ? `from ${r.fileName}, changed since it was imported: revision ${r.revises.revision}`
      : `from ${r.fileName}`;
    out(`  ${team.slug}/${r.number}  ${r.title}  (${r.status}, ${r.date})  ${from}\n`);
    if (r.supersedes.length) out(`      supersedes ${r.supersedes.join(", ")}\n`);
    if (r.supersededBy.length) out(`      superseded by ${r.supersededBy.join(", ")}\n`);
    for (const w of r.warnings) out(`      note: ${w}\n`);
  }
  beforeLines();
  conflictLines();
  unreadLines();
  refuseLost();
}

/** "Would create 2 records and revise 1 in", "Created 1 record in", "Revised 1 record in". */
function whatImports(records: { revises?: unknown }[], dryRun: boolean): string {
  const revised = records.filter((r) => r.revises).length;
  const created = records.length - revised;
  const count = (n: number, plural: boolean) =>
    plural ? `${n} record${n === 1 ? "" : "s"}` : `${n}`;
  const verbs = dryRun ? ["create", "revise"] : ["created", "revised"];
  const said = [
    ...(created ? [`${verbs[0]} ${count(created, true)}`] : []),
    ...(revised ? [`${verbs[1]} ${count(revised, !created)}`] : []),
  ].join(" and ");
  return dryRun ? `Would ${said} in` : `${said.charAt(0).toUpperCase()}${said.slice(1)} in`;
}

/**
 * A read-only token was refused: the preview sends the folder's files to the server (a POST), which
 * such a token may never do, even though a dry run writes nothing.
 */
const readOnlyToken = (config: ServerConfig, dryRun: boolean) =>
  `This access token can only read, and ${dryRun ? "even a dry run of " : ""}\`tradeoff import\` sends the folder's files to the server to read them, which a read-only token may not do${dryRun ? " (nothing would be written)" : ""}. Create a token with "Read and write decisions" under Account > Access tokens at ${config.url}, then ${config.tokenFromEnv ? "set TRADEOFF_TOKEN to it" : `run \`tradeoff login --url ${config.url}\` with it`}. Or preview the folder in the browser: the team's Records folder page imports a zip of it with the same preview.`;

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "");

const skippedLines = (skipped: Skipped[]) =>
  skipped.map((s) => `  ${s.fileName}: ${s.reason}`).join("\n");
