import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { constants } from "node:os";
import { basename, dirname, join } from "node:path";

/**
 * Writes `content` to `target` whole or not at all: into a hidden file beside it, flushed to
 * disk, then renamed over it, and the folder flushed so the rename lasts too. A failure part way
 * (a full disk, a file size limit) or a crash never leaves a cut-off file, nor damages the one
 * that was there. `mode` sets the file's permissions (default: 0666 less the umask).
 *
 * Written here rather than with write-file-atomic or atomically: both write with one `fs.write`
 * and ignore a short count, so on a full disk or past `ulimit -f` they rename a cut-off file
 * over the old one (write-file-atomic 7.0.1 and 8.0.0, atomically 2.1.1). `FileHandle.writeFile`
 * writes until every byte is down or throws.
 *
 * Interrupted (Ctrl-C, SIGTERM, a closed terminal) while writing, the process removes its hidden
 * files, says which files were not written, and exits 128 + the signal's number (130 for SIGINT).
 */
export async function writeWholeFile(
  target: string,
  content: string | Uint8Array,
  options: { mode?: number } = {},
): Promise<void> {
  const folder = dirname(target);
  const partial = join(folder, `.${basename(target)}.${randomBytes(4).toString("hex")}.partial`);
  beginWrite(target, partial);
  try {
    // `mode` is the new file's from its creation (a secret is never readable by others).
    const file = await open(partial, "wx", options.mode);
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    endWrite(partial);
  }
  await syncFolder(folder);
}

/** The hidden files being written now, each with the file it is to replace. */
const writing = new Map<string, string>();
/** What a signal says while several files are written as one (writingAll). */
let whole: (() => string) | null = null;
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

const listening = () => writing.size > 0 || whole !== null;

function listen(before: boolean) {
  if (!before && listening()) for (const signal of SIGNALS) process.on(signal, interrupted);
  // Outside any write, a signal ends the process as it would without these handlers.
  if (before && !listening()) for (const signal of SIGNALS) process.off(signal, interrupted);
}

function beginWrite(target: string, partial: string) {
  const before = listening();
  writing.set(partial, target);
  listen(before);
}

function endWrite(partial: string) {
  const before = listening();
  writing.delete(partial);
  listen(before);
}

/**
 * Runs `write`, which writes several files (a folder), as one: a signal at any point of it, in a
 * file or between two, removes the hidden file being written and says `progress()` (how many of
 * the files were written, what to do) instead of naming one file.
 */
export async function writingAll<T>(progress: () => string, write: () => Promise<T>): Promise<T> {
  const before = listening();
  whole = progress;
  listen(before);
  try {
    return await write();
  } finally {
    const still = listening();
    whole = null;
    listen(still);
  }
}

/** Removes the hidden files (synchronously: the process ends right after) and exits. */
function interrupted(signal: NodeJS.Signals) {
  const targets = [...writing.values()];
  for (const partial of writing.keys()) rmSync(partial, { force: true });
  process.stderr.write(
    `tradeoff: interrupted (${signal}): ${whole ? whole() : `${targets.join(", ")} was not written.`}\n`,
  );
  process.exit(128 + constants.signals[signal]);
}

/** Flushes a folder's entries (the rename); a system that cannot sync a folder is left as is. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r").catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Windows and some network file systems refuse to sync a folder: the file itself is synced.
  } finally {
    await handle.close();
  }
}
