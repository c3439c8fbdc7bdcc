import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes `content` to `target` whole or not at all: into a hidden file beside it, then renamed
 * over it. A failure part way (a full disk, a file size limit) never leaves a cut-off file, nor
 * damages the one that was there.
 */
export async function writeWholeFile(target: string, content: string | Uint8Array): Promise<void> {
  const partial = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(4).toString("hex")}.partial`,
  );
  try {
    await writeFile(partial, content);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
