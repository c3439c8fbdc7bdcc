import { lstat, mkdir, readdir, readFile, stat, unlink } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { CliError, EXIT_BAD_INPUT, EXIT_USAGE } from "../errors";
import type { Io } from "../io";
import { call, createClient } from "../server/client";
import { loadConfig } from "../server/config";
import { resolveProject, resolveTeam } from "../server/resolve";
import { writeWholeFile, writingAll } from "../write-whole-file";

const FOLDER_FORMATS = ["madr", "log4brains", "nygard"] as const;
type FolderFormat = (typeof FOLDER_FORMATS)[number];

/** The first words of the index the server writes (see INDEX_MARKER in the API). */
const INDEX_START = "<!-- Written by `tradeoff export --all`";
const INDEX_NAME = "README.md";
/** What a record's file name may be: no folder, nothing hidden, Markdown. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.md$/;

export type FolderOptions = {
  format: string;
  out?: string;
  team?: string;
  check?: boolean;
  json?: boolean;
};

type Plan = { write: string[]; remove: string[]; unchanged: string[] };

/**
 * `tradeoff export --all --format F --out DIR [PROJECT]`: the team's records (or one project's)
 * as a docs/decisions folder. Only files that changed are written; files the previous index
 * listed that are gone (a renamed record) are removed; other files are left alone. With
 * `--check`, nothing is written and the exit code is 1 when the folder is out of date.
 */
export async function exportFolder(
  io: Io,
  ref: string | undefined,
  options: FolderOptions,
): Promise<void> {
  if (!(FOLDER_FORMATS as readonly string[]).includes(options.format))
    throw new CliError(
      EXIT_USAGE,
      `--format ${options.format}: --all writes a folder of Markdown records; use --format madr, log4brains or nygard.`,
    );
  if (!options.out)
    throw new CliError(
      EXIT_USAGE,
      "--all writes a folder: give it with --out (for example --out docs/decisions).",
    );
  const out = resolve(options.out);
  // The folder the user names may be a link to one (docs/decisions -> ../adr), as for a single
  // export; the files in it are what is never followed (planFolder).
  const found = await stat(out).catch(() => null);
  if (found && !found.isDirectory())
    throw new CliError(
      EXIT_BAD_INPUT,
      `--out ${options.out}: this is a file, not a folder. Give the folder to write the records into (it is created if missing).`,
    );
  const config = await loadConfig();
  const client = createClient(config);
  const projectId = ref
    ? (await resolveProject(client, config, ref, options.team)).projectId
    : undefined;
  const team = await resolveTeam(
    client,
    config,
    ref?.includes("/") ? ref.split("/")[0] : options.team,
  );
  const folder = await call(config, () =>
    client.export.folder.query({
      teamId: team.id,
      format: options.format as FolderFormat,
      ...(projectId ? { projectId } : {}),
    }),
  );
  // Never outside --out: every name is one plain file name inside it.
  for (const file of folder.files) {
    const target = join(out, file.name);
    if (!SAFE_NAME.test(file.name) || dirname(target) !== out)
      throw new CliError(
        EXIT_BAD_INPUT,
        `The server sent a file name that is not a plain Markdown file name (${JSON.stringify(file.name)}); nothing was written.`,
      );
  }
  const plan = await planFolder(out, options.out, folder.files, team.slug);
  const total = folder.files.length - 1;
  if (options.check) {
    const stale = [
      ...plan.write.map(
        (name) => `  ${name} (${name === INDEX_NAME ? "index" : "record"} to write)`,
      ),
      ...plan.remove.map((name) => `  ${name} (to remove: no longer a record)`),
    ];
    if (options.json) {
      io.stdout(
        `${JSON.stringify({ upToDate: stale.length === 0, records: total, ...plan }, null, 2)}\n`,
      );
      if (stale.length) throw new CliError(EXIT_BAD_INPUT, `${options.out} is out of date.`);
      return;
    }
    if (stale.length)
      throw new CliError(
        EXIT_BAD_INPUT,
        `${options.out} is out of date (run the same command without --check):\n${stale.join("\n")}`,
      );
    io.stdout(`${options.out} is up to date: ${total} record${total === 1 ? "" : "s"}.\n`);
    return;
  }
  // The index comes last: a folder cut short by a signal never lists a record it lacks.
  let written = 0;
  let removed = 0;
  const progress = () => {
    const files = plan.write.length;
    const rest =
      plan.write.includes(INDEX_NAME) && written < files
        ? ` (its ${INDEX_NAME} index is not written yet)`
        : "";
    return written < files
      ? `${written} of ${files} file${files === 1 ? "" : "s"} written; ${options.out} is incomplete${rest}. Run the same command again to finish it.`
      : `all ${files} file${files === 1 ? "" : "s"} written, ${removed} of ${plan.remove.length} no longer a record removed. Run the same command again to finish it.`;
  };
  try {
    await mkdir(out, { recursive: true });
    await writingAll(progress, async () => {
      for (const file of folder.files)
        if (plan.write.includes(file.name)) {
          await writeWholeFile(join(out, file.name), file.content);
          written += 1;
        }
      for (const name of plan.remove) {
        await unlink(join(out, name));
        removed += 1;
      }
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    throw new CliError(
      EXIT_BAD_INPUT,
      code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? `Cannot write into ${options.out}: permission denied. Give a folder you may write to with --out.`
        : code === "ENOSPC" || code === "EFBIG"
          ? `Cannot write into ${options.out}: ${code === "ENOSPC" ? "the disk is full" : "a file is larger than this system allows"}. Each file is written whole or not at all; run the same command again once there is room.`
          : `Cannot write into ${options.out}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (options.json) {
    io.stdout(`${JSON.stringify({ out: options.out, records: total, ...plan }, null, 2)}\n`);
    return;
  }
  for (const name of plan.write) io.stdout(`Wrote ${join(options.out, name)}\n`);
  for (const name of plan.remove) io.stdout(`Removed ${join(options.out, name)}\n`);
  io.stdout(
    `${options.out}: ${total} record${total === 1 ? "" : "s"}, ${plan.write.length} file${plan.write.length === 1 ? "" : "s"} written, ${plan.remove.length} removed, ${plan.unchanged.length} unchanged.\n`,
  );
}

/**
 * What a run would change: files whose content differs, and records the last index had. A file
 * already there that an export did not write (a hand-written README.md, a record of the same
 * name from elsewhere: neither the last index nor that index itself) is never replaced.
 */
async function planFolder(
  out: string,
  shown: string,
  files: { name: string; content: string }[],
  team: string,
): Promise<Plan> {
  const plan: Plan = { write: [], remove: [], unchanged: [] };
  const previous = await previousExport(out);
  const foreign: string[] = [];
  for (const file of files) {
    const target = join(out, file.name);
    const found = await lstat(target).catch(() => null);
    if (found && !found.isFile())
      throw new CliError(
        EXIT_BAD_INPUT,
        `${target} is ${found.isSymbolicLink() ? "a symbolic link" : "a folder"}, not a file: move it away; nothing was written.`,
      );
    const current = found ? await readFile(target, "utf8") : null;
    // A checkout with CRLF line ends (git core.autocrlf=true) holds the same record.
    if (current !== null && unixLines(current) === unixLines(file.content))
      plan.unchanged.push(file.name);
    else if (current === null || previous.owned.has(file.name)) plan.write.push(file.name);
    else foreign.push(file.name);
  }
  if (foreign.length > 0) {
    const one = foreign.length === 1;
    throw new CliError(
      EXIT_BAD_INPUT,
      `${shown} already has ${one ? "a file" : "files"} the export would replace, which no export of Tradeoff wrote (the folder's index does not list ${one ? "it" : "them"}):\n${foreign.map((name) => `  ${name}`).join("\n")}\nMove ${one ? "it" : "them"} away, or export into another folder; nothing was written.`,
    );
  }
  const names = new Set(files.map((f) => f.name));
  await refuseTakenNumbers(out, shown, files, previous.owned, team);
  for (const name of previous.owned)
    if (
      name !== INDEX_NAME &&
      !names.has(name) &&
      (await lstat(join(out, name)).catch(() => null))?.isFile()
    )
      plan.remove.push(name);
  return plan;
}

const unixLines = (text: string) => text.replace(/\r\n?/g, "\n");

/** The number a record file's name starts with (adr-tools and MADR: `0001-title.md`). */
const numberOf = (name: string) => {
  const digits = /^(\d+)-.*\.md$/i.exec(name)?.[1];
  return digits === undefined ? null : Number(digits);
};

/**
 * Two files of one number in a folder are two records claiming it: a file the export would
 * write must not take a number a record in the folder already holds under another name
 * (hand-written ADRs the team has not imported). Files the last export wrote are the export's.
 */
async function refuseTakenNumbers(
  out: string,
  shown: string,
  files: { name: string }[],
  owned: Set<string>,
  team: string,
) {
  const writes = new Map<number, string>();
  for (const file of files) {
    const number = numberOf(file.name);
    if (number !== null && !writes.has(number)) writes.set(number, file.name);
  }
  if (!writes.size) return;
  const names = new Set(files.map((f) => f.name));
  const present = await readdir(out).catch(() => [] as string[]);
  const clashes = present.sort().flatMap((name) => {
    const number = numberOf(name);
    const ours = number === null ? undefined : writes.get(number);
    return ours && !names.has(name) && !owned.has(name)
      ? [`  ${name} holds number ${number} (the export would write ${ours})`]
      : [];
  });
  if (clashes.length)
    throw new CliError(
      EXIT_BAD_INPUT,
      `${shown} already has records numbered as the export's, which no export of Tradeoff wrote:\n${clashes.join("\n")}\nImport the folder into the team first (tradeoff import ${shown} --team ${team}), so its records keep their numbers and files, or export into another folder; nothing was written.`,
    );
}

/**
 * The files the last export wrote: its index and the records the index listed; none when the
 * folder's README.md is not Tradeoff's index.
 */
async function previousExport(out: string): Promise<{ owned: Set<string> }> {
  const index = await readFile(join(out, INDEX_NAME), "utf8").catch(() => "");
  if (!index.startsWith(INDEX_START)) return { owned: new Set() };
  const records = index
    .split("\n")
    .filter((line) => line.startsWith("| ["))
    .map((line) => line.slice(line.indexOf("](") + 2, line.indexOf(") |")))
    .filter((name) => SAFE_NAME.test(name) && name !== INDEX_NAME);
  return { owned: new Set([INDEX_NAME, ...records]) };
}
